namespace CreatioIdentity.Configuration;

/// <summary>What went wrong with a <c>${VAR}</c> of the file, in words; a secret's text is never quoted.</summary>
internal static class InterpolationMessages
{
    public static string Describe(InterpolationProblem problem, string keyPath, bool secret) => problem.Kind switch
    {
        InterpolationProblemKind.Unset => $"environment variable {problem.Name} is not set ({keyPath})",
        InterpolationProblemKind.Forbidden => $"{keyPath} may not read environment variable {problem.Name}: it is {EnvironmentInterpolator.Forbidden[problem.Name]}, and a value of this file can reach Creatio or a log; pass what the file needs in a variable of its own",
        InterpolationProblemKind.UnexpandedMacro => $"environment variable {problem.Name} holds '$({problem.Macro})', an Azure Pipelines variable that does not exist ({keyPath}): define the pipeline variable {problem.Macro} (as a secret, for a password), or map the step's env: to one that exists",
        InterpolationProblemKind.Unterminated => $"'${{' without a closing '}}' in {keyPath}; write '$${{' for a literal '${{'",
        InterpolationProblemKind.WithoutBraces when secret => $"a '$' followed by a name in {keyPath} takes no environment variable: write ${{NAME}} to take one, or '$$' for a literal '$'",
        InterpolationProblemKind.WithoutBraces => $"'${problem.Name}' in {keyPath} takes no environment variable: write '${{{problem.Name}}}' to take it, or '$${problem.Name}' for the text '${problem.Name}'",
        _ when secret => $"a reference in {keyPath} does not name an environment variable (letters, digits and '_', not starting with a digit)",
        _ => $"'${{{problem.Name}}}' in {keyPath} does not name an environment variable (letters, digits and '_', not starting with a digit)",
    };
}
