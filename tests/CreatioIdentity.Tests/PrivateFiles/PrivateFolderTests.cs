using System.Runtime.Versioning;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.Tests.PrivateFiles;

public sealed class PrivateFolderTests
{
    private const string Purpose = "the test's secrets";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [UnsupportedOSPlatform("windows")]
    public sealed class TheOpenMethod : IDisposable
    {
        private readonly OwnTempFolder temp = new();

        public void Dispose() => temp.Dispose();

        [UnixFact]
        public void Should_Make_A_Missing_Folder_For_Its_Owner_Only()
        {
            // Given
            var path = temp.PathOf("private");

            // When
            var folder = PrivateFolder.Open(path, Purpose);

            // Then
            Assert.Equal(path, folder);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
        }

        [UnixFact]
        public void Should_Take_A_Folder_That_Is_Already_Private()
        {
            // Given
            var path = temp.Folder("private");
            File.WriteAllText(Path.Combine(path, "kept"), "kept");

            // When
            var folder = PrivateFolder.Open(path, Purpose);

            // Then
            Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "kept")));
        }

        [UnixFact]
        public void Should_Refuse_A_Symbolic_Link_And_Touch_Nothing_Behind_It()
        {
            // Given: the folder's name is taken by a link to a private-looking folder elsewhere
            var elsewhere = temp.Folder("elsewhere");
            var path = temp.PathOf("private");
            File.CreateSymbolicLink(path, elsewhere);

            // When
            var refusal = Assert.Throws<UnsafePathException>(() => PrivateFolder.Open(path, Purpose));

            // Then
            Assert.Contains("symbolic link", refusal.Message, StringComparison.Ordinal);
            Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
            Assert.Contains(Purpose, refusal.Message, StringComparison.Ordinal);
            Assert.Empty(OwnTempFolder.Contents(elsewhere));
        }

        [UnixFact]
        public void Should_Refuse_A_Dangling_Symbolic_Link_Rather_Than_Make_Its_Target()
        {
            // Given
            var target = temp.PathOf("target");
            var path = temp.PathOf("private");
            File.CreateSymbolicLink(path, target);

            // When
            Assert.Throws<UnsafePathException>(() => PrivateFolder.Open(path, Purpose));

            // Then
            Assert.False(Path.Exists(target));
        }

        [UnixFact]
        public void Should_Refuse_A_Folder_Others_May_Enter()
        {
            // Given
            var path = temp.Folder("private", OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            // When
            var refusal = Assert.Throws<UnsafePathException>(() => PrivateFolder.Open(path, Purpose));

            // Then
            Assert.Contains("0755", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("0700", refusal.Message, StringComparison.Ordinal);
            Assert.Empty(OwnTempFolder.Contents(path));
        }

        [RootFact]
        public void Should_Refuse_A_Folder_Another_User_Owns()
        {
            // Given: another local user made the folder first, private to them
            var path = temp.Folder("private");
            OwnTempFolder.GiveToNobody(path);

            // When
            var refusal = Assert.Throws<UnsafePathException>(() => PrivateFolder.Open(path, Purpose));

            // Then
            Assert.Contains("belongs to user id 65534", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("not to this user (id 0)", refusal.Message, StringComparison.Ordinal);
            Assert.Empty(OwnTempFolder.Contents(path));
        }

        [UnixFact]
        public void Should_Refuse_A_File_Where_The_Folder_Should_Be()
        {
            // Given
            var path = temp.PathOf("private");
            File.WriteAllText(path, "a file");

            // When
            var refusal = Assert.Throws<UnsafePathException>(() => PrivateFolder.Open(path, Purpose));

            // Then
            Assert.Contains("not a folder", refusal.Message, StringComparison.Ordinal);
            Assert.Equal("a file", File.ReadAllText(path));
        }
    }
}
