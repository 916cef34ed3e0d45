using System.Net;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Creatio;

/// <summary>
/// The cookies of one Creatio session: those the login set and those Creatio sets later (for
/// example BPMSESSIONID), the BPMCSRF value every call repeats as a header, and their masking:
/// every value is registered with the process's masker as soon as it is known.
/// </summary>
internal sealed class SessionCookies(Uri site)
{
    /// <summary>The one cookie whose value is no secret: the user name, which messages name anyway.</summary>
    private const string UserNameCookie = "UserName";

    private readonly CookieContainer jar = new();

    public string? Csrf => jar.GetCookies(site)["BPMCSRF"]?.Value;

    public bool HasSession => jar.GetCookies(site)[".ASPXAUTH"] is not null;

    public string Header(Uri uri) => jar.GetCookieHeader(uri);

    public IReadOnlyList<SessionCookie> All() =>
        [.. jar.GetAllCookies().Select(cookie => new SessionCookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain))];

    public static SessionCookies From(Uri site, IEnumerable<SessionCookie> cookies)
    {
        var restored = new SessionCookies(site);
        foreach (var cookie in cookies)
        {
            restored.jar.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
            Mask(cookie.Name, cookie.Value);
        }

        return restored;
    }

    /// <summary>
    /// Takes the Set-Cookie headers of an answer. A header the cookie parser refuses is skipped, and
    /// its name (never its value) is returned as a warning. True when any cookie was set.
    /// </summary>
    public bool Take(HttpResponseMessage response, Uri from, ICollection<string> warnings)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return false;
        }

        var taken = false;
        foreach (var header in headers)
        {
            try
            {
                jar.SetCookies(from, header);
                taken = true;
            }
            catch (CookieException)
            {
                warnings.Add($"Creatio set a cookie that cannot be parsed ({NameOf(header)}) on {from.AbsolutePath}; it was skipped. If later calls are refused, a proxy in front of Creatio may be rewriting cookies.");
            }
        }

        foreach (Cookie cookie in jar.GetAllCookies())
        {
            Mask(cookie.Name, cookie.Value);
        }

        return taken;
    }

    private static void Mask(string name, string value)
    {
        if (!string.Equals(name, UserNameCookie, StringComparison.OrdinalIgnoreCase))
        {
            SecretMasker.Shared.Add(value, Uri.UnescapeDataString(value));
        }
    }

    private static string NameOf(string header)
    {
        var equals = header.IndexOf('=', StringComparison.Ordinal);
        var name = equals <= 0 ? "unnamed" : header[..equals].Trim();
        return name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? name : "an unreadable name";
    }
}
