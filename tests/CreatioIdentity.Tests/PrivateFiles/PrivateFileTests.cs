using System.Runtime.Versioning;
using System.Text;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.Tests.PrivateFiles;

public sealed class PrivateFileTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public sealed class TheWriteAtomicallyMethod : IDisposable
    {
        private readonly OwnTempFolder temp = new();

        public void Dispose() => temp.Dispose();

        [Fact]
        public void Should_Write_A_File_Only_Its_Owner_May_Read_And_Leave_Nothing_Else()
        {
            // Given
            var path = temp.PathOf("secret.bin");

            // When
            PrivateFile.WriteAtomically(path, stream => stream.Write("sealed"u8));

            // Then
            Assert.Equal("sealed", File.ReadAllText(path));
            Assert.Equal(["secret.bin"], OwnTempFolder.Contents(temp.Root).Keys);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
            }
        }

        [UnixFact]
        [UnsupportedOSPlatform("windows")]
        public void Should_Replace_A_Symbolic_Link_Rather_Than_Write_Through_It()
        {
            // Given: the file's name is a link to a file someone wants overwritten
            var victim = Path.Combine(temp.Folder("elsewhere"), "victim");
            File.WriteAllText(victim, "untouched");
            var path = temp.PathOf("secret.bin");
            File.CreateSymbolicLink(path, victim);

            // When
            PrivateFile.WriteAtomically(path, stream => stream.Write("sealed"u8));

            // Then
            Assert.Equal("untouched", File.ReadAllText(victim));
            Assert.Null(new FileInfo(path).LinkTarget);
            Assert.Equal("sealed", File.ReadAllText(path));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        }
    }

    public sealed class TheOpenLockMethod : IDisposable
    {
        private readonly OwnTempFolder temp = new();

        public void Dispose() => temp.Dispose();

        [UnixFact]
        [UnsupportedOSPlatform("windows")]
        public void Should_Make_The_Lock_File_Owner_Only()
        {
            // Given
            var path = temp.PathOf(".lock");

            // When
            using (PrivateFile.OpenLock(path))
            {
            }

            // Then
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        }

        [Fact]
        public void Should_Take_A_Lock_File_Left_By_An_Earlier_Run()
        {
            // Given
            var path = temp.PathOf(".lock");
            File.WriteAllText(path, string.Empty);

            // When
            using var held = PrivateFile.OpenLock(path);

            // Then: held, so another process waits; not refused as unsafe
            var busy = Assert.ThrowsAny<IOException>(() => PrivateFile.OpenLock(path));
            Assert.IsNotType<UnsafePathException>(busy);
        }

        [UnixFact]
        public void Should_Refuse_A_Symbolic_Link_And_Neither_Create_Nor_Hold_Its_Target()
        {
            // Given
            var target = temp.PathOf("elsewhere");
            var path = temp.PathOf(".lock");
            File.CreateSymbolicLink(path, target);

            // When
            var refusal = Assert.Throws<UnsafePathException>(() => PrivateFile.OpenLock(path));

            // Then
            Assert.Contains("symbolic link", refusal.Message, StringComparison.Ordinal);
            Assert.False(Path.Exists(target));
        }
    }

    public sealed class TheReadAllBytesMethod : IDisposable
    {
        private readonly OwnTempFolder temp = new();

        public void Dispose() => temp.Dispose();

        [UnixFact]
        public void Should_Not_Read_Through_A_Symbolic_Link()
        {
            // Given
            var other = temp.PathOf("other");
            File.WriteAllText(other, "someone else's");
            var path = temp.PathOf("ready.json");
            File.CreateSymbolicLink(path, other);

            // When
            var refusal = Assert.Throws<UnsafePathException>(() => PrivateFile.ReadAllBytes(path, "a ready file"));

            // Then
            Assert.Contains("was not followed", refusal.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Read_A_Plain_File()
        {
            // Given
            var path = temp.PathOf("ready.json");
            File.WriteAllText(path, "{}");

            // When
            var bytes = PrivateFile.ReadAllBytes(path, "a ready file");

            // Then
            Assert.Equal("{}", Encoding.UTF8.GetString(bytes));
        }
    }
}
