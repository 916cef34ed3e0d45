namespace CreatioIdentity.Sandbox.Creatio.OAuthApps;

/// <summary>
/// The localized texts of the integrated-application methods. OAuthDisabled is 8.1's (as in <see cref="Messages"/>);
/// the rest are worded by the sandbox (the resources are not in the 8.1 dump): clients judge by errorCode, never by these.
/// </summary>
internal sealed class OAuthAppMessages(bool russian)
{
    public static OAuthAppMessages For(string language) =>
        new(string.Equals(language, Messages.Russian, StringComparison.OrdinalIgnoreCase));

    public string OAuthDisabled => Messages.For(russian ? Messages.Russian : Messages.English).OAuthDisabled;

    public string NoDefaultResource => russian
        ? "Не найден ресурс OAuth по умолчанию. Зарегистрируйте его на вкладке \"Диагностика\"."
        : "Default OAuth resource is not found. Register it on the Diagnostic tab.";

    public string NameRefused(int length) => russian
        ? $"Недопустимое название приложения (длина {length})."
        : $"The application name is not valid (length {length}).";
}
