namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>
/// Every human message the simulator answers, in the user's language (<see cref="SandboxOptions.Language"/>).
/// Where the 8.1 dump (github shiva01chh/CreatioDemoProject) holds the text it is quoted: login texts from
/// Terrasoft.Web.Common.dll and ru-RU/*.resources.dll, the OAuth text from the OAuth20 package's
/// OAuthConfigService resources. The rest is worded by the sandbox; clients must judge by codes, never by these.
/// </summary>
internal sealed class Messages
{
    public const string English = "en-US";
    public const string Russian = "ru-RU";

    private readonly bool russian;

    private Messages(bool russian) => this.russian = russian;

    /// <exception cref="ArgumentException">The language is neither en-US nor ru-RU.</exception>
    public static Messages For(string language) => language switch
    {
        _ when string.Equals(language, English, StringComparison.OrdinalIgnoreCase) => new Messages(false),
        _ when string.Equals(language, Russian, StringComparison.OrdinalIgnoreCase) => new Messages(true),
        _ => throw new ArgumentException($"The sandbox speaks {English} or {Russian}, not '{language}'.", nameof(language)),
    };

    // Login (AuthService.svc/Login Message).
    public string WrongCredentials => Say(
        "Either invalid login or password specified, or your user account is inactive. Verify that you have entered correct data or contact support team.",
        "Введен неверный логин/пароль или ваша учетная запись неактивна. Проверьте корректность введенных данных или обратитесь в службу поддержки.");

    public string InvalidUserNameOrPassword => Say("Invalid user name or password.", "Неправильное имя пользователя или пароль.");

    public string AccessDenied => Say("Access denied. Contact your system administrator", "Доступ запрещен. Обратитесь к системному администратору");

    public string PasswordChangeRecommended => Say("Password expires in 3 day(s). Change password now?", "Срок действия пароля истекает через 3 дня(ей). Сменить пароль?");

    public string PasswordExpired => Say("Your password has expired. Re-set your password", "Срок действия Вашего пароля истек. Введите новый пароль");

    /// <summary>The Russian text is 8.1's; the English one is the sandbox's translation (that resource is not in the dump).</summary>
    public string NoLicence => Say(
        "Unable to log in: there is no license to log in to the application, or the license has expired. The system administrator can change the licenses granted in the license manager or on the user page",
        "Невозможно выполнить вход в систему: нет лицензии для входа в приложение либо срок действия лицензии истек. Системный администратор может изменить набор предоставленных лицензий в менеджере лицензий или на странице пользователя");

    // OAuthConfigService (8.1 OAuth20 package, LocalizableStrings.OAuthDisabledMessage, quoted with its typo).
    public string OAuthDisabled => Say(
        "To enable OAuth 2.0 set Feature-EnableOAuth20Integration = true in AppSettings section of application config file",
        "Для включения авторизации по OAuth 2.0 в файле конфигурациии приложения в блоке AppSettings задайте Feature-EnableOAuth20Integration = true");

    public string ItemAlreadyExists(string item) => Say($"Item \"{item}\" already exists.", $"Элемент \"{item}\" уже существует.");

    // Health check (api/OAuthHealthCheck Message).
    public string FeatureDisabled => Say(
        "The OAuth 2.0 integration feature (OAuth20Integration) is disabled for the current user.",
        "Функциональность интеграции OAuth 2.0 (OAuth20Integration) выключена для текущего пользователя.");

    public string SettingsEmpty(string codes) => Say($"System settings {codes} are not filled in.", $"Не заполнены системные настройки {codes}.");

    public string IdentityServiceUnavailable(string url) => Say($"Identity Service is not available at '{url}'.", $"Сервис идентификации недоступен по адресу '{url}'.");

    public string NoSystemToken => Say("Access token for system actions cannot be retrieved.", "Не удалось получить токен доступа для системных действий.");

    public string ScopeMissing => Say(
        "The access token for system actions does not contain the required scope.",
        "Токен доступа для системных действий не содержит требуемую область (scope).");

    // DataService (errorInfo.message).
    public string SchemaNotFound(string schema) => Say($"Schema \"{schema}\" not found.", $"Схема \"{schema}\" не найдена.");

    public string ColumnNotFound(string path, string schema) =>
        Say($"Column by path \"{path}\" not found in schema \"{schema}\".", $"Колонка по пути \"{path}\" не найдена в схеме \"{schema}\".");

    public string NotSupported(string what) => Say($"The sandbox does not support {what}.", $"Песочница не поддерживает: {what}.");

    public string ReadOnly(string schema) => Say($"Schema \"{schema}\" is read-only in the sandbox.", $"Схема \"{schema}\" в песочнице доступна только для чтения.");

    public string NotInDatabase(string code, string source) => Say(
        $"Feature \"{code}\" comes from {source} and cannot be changed in the database.",
        $"Функциональность \"{code}\" задана в {source} и не может быть изменена в базе данных.");

    public string InvalidValue(string column) => Say(
        $"The value of column \"{column}\" cannot be converted to its type.",
        $"Значение колонки \"{column}\" не может быть преобразовано к ее типу.");

    private string Say(string english, string inRussian) => russian ? inRussian : english;
}
