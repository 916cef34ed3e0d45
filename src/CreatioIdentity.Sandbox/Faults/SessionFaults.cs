namespace CreatioIdentity.Sandbox.Faults;

/// <summary>
/// What an expired session looks like on the faulted server: the server's own business (Creatio ends its
/// sessions and answers 401 or its login page), handed to the fault middleware so that it needs none of
/// the server's types. A server without sessions gives none, and such a fault is a plain 401.
/// </summary>
/// <param name="ExpiredAsync">Ends the sessions and answers as the server answers a call without one.</param>
/// <param name="LoginPageAsync">Ends the sessions and answers with a redirect to the login page.</param>
internal sealed record SessionFaults(Func<HttpContext, Task> ExpiredAsync, Func<HttpContext, Task> LoginPageAsync);
