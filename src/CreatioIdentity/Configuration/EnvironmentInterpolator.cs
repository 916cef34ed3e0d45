using System.Text;

namespace CreatioIdentity.Configuration;

/// <summary>
/// Replaces <c>${NAME}</c> with the environment variable NAME, anywhere in a value, so that secrets
/// and per-site values stay out of the file. <c>$${</c> writes a literal <c>${</c>, and <c>$$NAME</c> a
/// literal <c>$NAME</c>. A bare <c>$NAME</c> is an error rather than text: it is a shell's reference,
/// and taken as text it would become a user name or password of eight letters starting with '$',
/// found out only when Creatio refuses it. Every other '$' is itself ("costs $5").
/// </summary>
internal static class EnvironmentInterpolator
{
    private const string Escape = "$${";
    private const string Opening = "${";

    /// <summary>
    /// Variables no value of the file may take, with what each is. A value of the file can travel
    /// to Creatio (a setting, a URL) or into a message; these grant access to the repository, the
    /// pipeline or this run's sealed Creatio session, and have no business there. Names ignore
    /// case, as Windows does.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Forbidden { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["GITHUB_TOKEN"] = "the GitHub job's token",
        ["GH_TOKEN"] = "a GitHub token (the gh command line's)",
        ["ACTIONS_RUNTIME_TOKEN"] = "the GitHub Actions runner's token",
        ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "the GitHub Actions token that requests OIDC tokens",
        ["SYSTEM_ACCESSTOKEN"] = "the Azure Pipelines job's token",
        [Protocol.EngineVariables.SessionKey] = "the key that seals this run's Creatio session",
        [Protocol.EngineVariables.GitHubSecretsToken] = "the token that writes GitHub Actions secrets (oauthApps: githubSecret)",
    };

    public static InterpolationResult Interpolate(string text, Func<string, string?> environment)
    {
        var interpolation = new Interpolation(environment);
        var index = 0;
        while (index < text.Length)
        {
            index = text[index] == '$' ? interpolation.Dollar(text, index) : interpolation.Literal(text, index);
        }

        return interpolation.Result();
    }

    /// <summary>The state of one value's interpolation: the text so far, the variables it took, what went wrong.</summary>
    private sealed class Interpolation(Func<string, string?> environment)
    {
        private readonly StringBuilder value = new();
        private readonly List<string> references = [];
        private readonly List<InterpolationProblem> problems = [];

        public InterpolationResult Result() => new(value.ToString(), references, problems);

        /// <summary>Copies the text up to the next '$'; returns where it stopped.</summary>
        public int Literal(string text, int index)
        {
            var next = text.IndexOf('$', index);
            var end = next < 0 ? text.Length : next;
            value.Append(text, index, end - index);
            return end;
        }

        /// <summary>
        /// A '$' at <paramref name="index"/>: <c>$${</c> and <c>$$NAME</c> are escapes (a literal <c>${</c>, <c>$NAME</c>);
        /// <c>${NAME}</c> a reference; <c>$NAME</c> a mistake (a shell's reference, which this file does not take);
        /// any other '$' itself.
        /// </summary>
        public int Dollar(string text, int index)
        {
            if (string.CompareOrdinal(text, index, Escape, 0, Escape.Length) == 0)
            {
                value.Append(Opening);
                return index + Escape.Length;
            }

            if (text.Length > index + 2 && text[index + 1] == '$' && IsNameStart(text[index + 2]))
            {
                value.Append('$');
                return index + 2;
            }

            if (string.CompareOrdinal(text, index, Opening, 0, Opening.Length) == 0)
            {
                return Reference(text, index);
            }

            if (text.Length > index + 1 && IsNameStart(text[index + 1]))
            {
                var end = index + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                problems.Add(new InterpolationProblem(InterpolationProblemKind.WithoutBraces, text[(index + 1)..end]));
                value.Append(text, index, end - index);
                return end;
            }

            value.Append('$');
            return index + 1;
        }

        private int Reference(string text, int index)
        {
            var closing = text.IndexOf('}', index + Opening.Length);
            if (closing < 0)
            {
                problems.Add(new InterpolationProblem(InterpolationProblemKind.Unterminated, string.Empty));
                return text.Length;
            }

            var name = text[(index + Opening.Length)..closing];
            if (!IsValidName(name))
            {
                problems.Add(new InterpolationProblem(InterpolationProblemKind.InvalidName, name));
            }
            else
            {
                references.Add(name);
                Resolve(name);
            }

            return closing + 1;
        }

        private void Resolve(string name)
        {
            if (Forbidden.ContainsKey(name))
            {
                problems.Add(new InterpolationProblem(InterpolationProblemKind.Forbidden, name));
            }
            else if (environment(name) is not { } resolved)
            {
                problems.Add(new InterpolationProblem(InterpolationProblemKind.Unset, name));
            }
            else if (UnexpandedMacro(resolved) is { } macro)
            {
                problems.Add(new InterpolationProblem(InterpolationProblemKind.UnexpandedMacro, name, macro));
            }
            else
            {
                // A resolved value is never read again: a password with '$' in it stays as it is.
                value.Append(resolved);
            }
        }
    }

    /// <summary>
    /// The Azure Pipelines variable a value still names, when the value is nothing but <c>$(NAME)</c>:
    /// Azure leaves a macro whose variable does not exist as that text (`env: CREATIO_PASSWORD:
    /// $(CREATIO_PASSWORD)` without the secret variable), and it must not become a password.
    /// </summary>
    public static string? UnexpandedMacro(string value)
    {
        if (value.Length < 4 || !value.StartsWith("$(", StringComparison.Ordinal) || value[^1] != ')')
        {
            return null;
        }

        var name = value[2..^1];
        return name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')
            ? name
            : null;
    }

    /// <summary>A name as shells accept it: letters, digits and underscores, not starting with a digit.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0
        && IsNameStart(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';
}

/// <summary>The value with every reference replaced, the variables it named, and what went wrong.</summary>
internal sealed record InterpolationResult(
    string Value,
    IReadOnlyList<string> References,
    IReadOnlyList<InterpolationProblem> Problems)
{
    public bool HasReferences => References.Count > 0;
}

internal enum InterpolationProblemKind
{
    /// <summary>The variable is not set in the environment.</summary>
    Unset,

    /// <summary>A <c>${</c> without a closing <c>}</c>.</summary>
    Unterminated,

    /// <summary>The variable is one the file may not read (<see cref="EnvironmentInterpolator.Forbidden"/>).</summary>
    Forbidden,

    /// <summary>The text between the braces is not a variable name.</summary>
    InvalidName,

    /// <summary>The variable holds an Azure Pipelines macro that was never expanded, <c>$(NAME)</c>.</summary>
    UnexpandedMacro,

    /// <summary>A <c>$NAME</c> without braces: a shell's reference, which the file does not take.</summary>
    WithoutBraces,
}

/// <summary>One problem with a reference; <paramref name="Macro"/> is the Azure variable an unexpanded <c>$(NAME)</c> names.</summary>
internal sealed record InterpolationProblem(InterpolationProblemKind Kind, string Name, string? Macro = null);
