namespace CreatioIdentity.Tests.Sandbox;

/// <summary>Request bodies as the engine sends them (SPEC section 4; clio's SelectQueryHelper and UserThemeApplier).</summary>
internal static class CreatioBodies
{
    public const string SelectQueryPath = "DataService/json/SyncReply/SelectQuery";
    public const string UpdateQueryPath = "DataService/json/SyncReply/UpdateQuery";

    /// <summary>Terrasoft.DataValueType numbers the tests use.</summary>
    public const int GuidType = 0;
    public const int TextType = 1;
    public const int IntegerType = 4;
    public const int BooleanType = 12;

    public static object QuerySysSettings(params string[] codes) => new { sysSettingsNameCollection = codes };

    public static object PostSysSettings(IReadOnlyDictionary<string, object?> values) => new { isPersonal = false, sysSettingsValues = values };

    /// <summary>A SelectQuery; a column is "Path" (aliased as itself) or "Alias=Path".</summary>
    public static Dictionary<string, object?> Select(string entity, IEnumerable<string> columns, object? filters = null) => new()
    {
        ["rootSchemaName"] = entity,
        ["operationType"] = 0,
        ["allColumns"] = false,
        ["isDistinct"] = false,
        ["ignoreDisplayValues"] = false,
        ["rowCount"] = -1,
        ["rowsOffset"] = -1,
        ["isPageable"] = false,
        ["__type"] = "Terrasoft.Nui.ServiceModel.DataContract.SelectQuery",
        ["columns"] = new
        {
            items = columns.Select(column => column.Split('=')).ToDictionary(
                parts => parts[0],
                parts => new { expression = new { expressionType = 0, columnPath = parts[^1] } }),
        },
        ["filters"] = filters ?? And(),
    };

    /// <summary>An UpdateQuery setting one column to a parameter.</summary>
    public static Dictionary<string, object?> Update(string entity, string column, int dataValueType, object? value, object? filters) => new()
    {
        ["rootSchemaName"] = entity,
        ["operationType"] = 2,
        ["isForceUpdate"] = false,
        ["columnValues"] = new Dictionary<string, object>
        {
            ["items"] = new Dictionary<string, object> { [column] = new { expressionType = 2, parameter = new { dataValueType, value } } },
        },
        ["filters"] = filters,
    };

    public static object Equal(string path, int dataValueType, object? value, bool isEnabled = true) => Compare(3, path, dataValueType, value, isEnabled);

    public static object NotEqual(string path, int dataValueType, object? value) => Compare(4, path, dataValueType, value, true);

    public static object And(params object[] items) => Group(0, items);

    public static object Or(params object[] items) => Group(1, items);

    public static object Compare(int comparisonType, string path, int dataValueType, object? value, bool isEnabled) => new
    {
        filterType = 1,
        comparisonType,
        isEnabled,
        trimDateTimeParameterToDate = false,
        leftExpression = new { expressionType = 0, columnPath = path },
        rightExpression = new { expressionType = 2, parameter = new { dataValueType, value } },
    };

    private static object Group(int logicalOperation, object[] items) => new
    {
        filterType = 6,
        isEnabled = true,
        trimDateTimeParameterToDate = false,
        logicalOperation,
        items = items.Select((item, index) => (item, index)).ToDictionary(entry => "f" + entry.index, entry => entry.item),
    };
}
