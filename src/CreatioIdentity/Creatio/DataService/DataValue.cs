using System.Globalization;
using System.Text.Json.Nodes;

namespace CreatioIdentity.Creatio.DataService;

/// <summary>
/// Creatio's data value types as DataService and the settings services number them (8.1
/// Resources/ui/Terrasoft/core/enums/sysenums.js, Terrasoft.DataValueType).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The members are Creatio's own names for its data value types.")]
public enum DataValueType
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
    Enum = 11,
    Boolean = 12,
    HashText = 23,
    SecureText = 24,
    ShortText = 27,
    MediumText = 28,
    MaxSizeText = 29,
    LongText = 30,
    Float1 = 31,
    Float2 = 32,
    Float3 = 33,
    Float4 = 34,
    Float8 = 40,
    RichText = 43,
}

/// <summary>A typed parameter of a DataService query: its data value type and its JSON value.</summary>
public sealed record DataValue(DataValueType Type, JsonNode? Value)
{
    public static DataValue Text(string value) => new(DataValueType.Text, JsonValue.Create(value));

    public static DataValue Id(Guid value) => new(DataValueType.Guid, JsonValue.Create(value.ToString("D", CultureInfo.InvariantCulture)));

    public static DataValue Flag(bool value) => new(DataValueType.Boolean, JsonValue.Create(value));

    public static DataValue Number(int value) => new(DataValueType.Integer, JsonValue.Create(value));
}

/// <summary>"ColumnPath = value", the only comparison the product needs; paths may follow a lookup (Feature.Code).</summary>
public sealed record ColumnFilter(string ColumnPath, DataValue Value);
