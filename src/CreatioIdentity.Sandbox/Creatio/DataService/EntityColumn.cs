using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>Terrasoft.DataValueType, as 8.1's <c>Resources/ui/Terrasoft/core/enums/sysenums.js</c> numbers them.</summary>
internal enum DataValueType
{
    Guid = 0,
    Text = 1,
    Integer = 4,
    Float = 5,
    Money = 6,
    DateTime = 7,
    Date = 8,
    Time = 9,
    Lookup = 10,
    Boolean = 12,
    SecureText = 24,
    ShortText = 27,
    MediumText = 28,
    MaxSizeText = 29,
    LongText = 30,
}

/// <summary>A column of an entity; a lookup names the entity it refers to.</summary>
internal sealed record EntityColumn(string Name, DataValueType Type, string? Reference = null)
{
    public static EntityColumn Id { get; } = new("Id", DataValueType.Guid);

    public bool IsText => Type is DataValueType.Text or DataValueType.ShortText or DataValueType.MediumText
        or DataValueType.MaxSizeText or DataValueType.LongText or DataValueType.SecureText;
}

/// <summary>A lookup column's value, as DataService answers it.</summary>
internal sealed record LookupValue(
    [property: JsonPropertyName("value")] Guid Value,
    [property: JsonPropertyName("displayValue")] string DisplayValue);

/// <summary>One row of an entity: values by column name (Guid, string, int, bool, <see cref="LookupValue"/> or null).</summary>
internal sealed class EntityRow : Dictionary<string, object?>
{
    public EntityRow()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public Guid Id => this["Id"] is Guid id ? id : Guid.Empty;
}

/// <summary>What DataService answers in <c>errorInfo</c>: the exception type Creatio would throw, and its message.</summary>
internal sealed class DataServiceException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public static DataServiceException NotSupported(Messages messages, string what) => new("NotSupportedException", messages.NotSupported(what));

    public static DataServiceException NotFound(string message) => new("ItemNotFoundException", message);
}
