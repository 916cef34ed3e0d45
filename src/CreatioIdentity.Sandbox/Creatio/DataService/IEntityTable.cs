namespace CreatioIdentity.Sandbox.Creatio.DataService;

/// <summary>An entity DataService can query: its columns, a snapshot of its rows, and how an UpdateQuery changes it.</summary>
internal interface IEntityTable
{
    string Name { get; }

    IReadOnlyList<EntityColumn> Columns { get; }

    IReadOnlyList<EntityRow> Rows();

    /// <summary>Changes <paramref name="rows"/> to <paramref name="values"/> (column name to value) and answers how many rows changed.</summary>
    /// <exception cref="DataServiceException">The write is refused; nothing was written.</exception>
    int Update(IReadOnlyList<EntityRow> rows, IReadOnlyDictionary<string, QueryParameter> values);
}

/// <summary>An entity the sandbox only reads: Creatio would write it, the sandbox says so honestly.</summary>
internal abstract class ReadOnlyTable(Messages messages) : IEntityTable
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<EntityColumn> Columns { get; }

    public abstract IReadOnlyList<EntityRow> Rows();

    public int Update(IReadOnlyList<EntityRow> rows, IReadOnlyDictionary<string, QueryParameter> values) =>
        throw new DataServiceException("NotSupportedException", messages.ReadOnly(Name));
}
