namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>
/// Compares a column's value with a parameter as the database would: text ignoring case by default
/// (MS SQL's default collation) or exactly (PostgreSQL, <see cref="SandboxOptions.CaseSensitiveStrings"/>);
/// a lookup by its Id. A NULL on either side is neither equal nor unequal, as in SQL.
/// </summary>
internal sealed class ValueComparer(Messages messages, bool caseSensitive)
{
    /// <summary>True or false, or null when SQL would answer UNKNOWN (a NULL is compared).</summary>
    /// <exception cref="DataServiceException">The parameter cannot be converted to the column's type.</exception>
    public bool? Equal(EntityColumn column, object? value, QueryParameter parameter)
    {
        if (value is null || parameter.IsNull)
        {
            return null;
        }

        return value switch
        {
            LookupValue lookup => Convert(column, parameter.AsGuid()) == lookup.Value,
            Guid id => Convert(column, parameter.AsGuid()) == id,
            bool flag => Convert(column, parameter.AsBoolean()) == flag,
            int number => Convert(column, parameter.AsInteger()) == number,
            string text => string.Equals(
                text, Convert(column, parameter.AsText()), caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
            _ => throw DataServiceException.NotSupported(messages, $"comparing column {column.Name}"),
        };
    }

    private T Convert<T>(EntityColumn column, T? converted)
        where T : struct =>
        converted ?? throw new DataServiceException("FormatException", messages.InvalidValue(column.Name));

    private string Convert(EntityColumn column, string? converted) =>
        converted ?? throw new DataServiceException("FormatException", messages.InvalidValue(column.Name));
}
