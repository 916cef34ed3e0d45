using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("CreatioIdentity.Tests.TempFolder.LastCollectionOrderer", "CreatioIdentity.Tests")]

namespace CreatioIdentity.Tests.TempFolder;

/// <summary>
/// xunit's own order, with the temp folder guard last. xunit runs the collections that disable
/// parallelization one after the other once every parallel collection has finished, in this order:
/// so the guard sees the temp folder after every other test, fixture and process of the run is done.
/// </summary>
public sealed class LastCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections)
            .OrderBy(collection => collection.DisplayName.EndsWith(TempFolderGuardGroup.Name, StringComparison.Ordinal) ? 1 : 0);
}
