using CreatioIdentity.Tracing;

namespace CreatioIdentity.Tests.Tracing;

/// <summary>
/// One HAR file for all the engine processes of a Cake target: appended under a lock, replaced
/// atomically, readable by its owner only, never written through a link, never over a file that
/// is not a trace.
/// </summary>
public sealed class HarFileTests
{
    private static HarEntry Entry(string url) =>
        new(DateTimeOffset.UtcNow, 1, new HarRequest("GET", url, "HTTP/1.1", [], [], [], null, -1, 0),
            new HarResponse(200, "OK", "HTTP/1.1", [], [], new HarContent(0, "application/json"), string.Empty, -1, 0),
            new HarCache(), new HarTimings(0, 1, 0));

    public sealed class TheAppendMethod : IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;

        public TheAppendMethod() => Directory.CreateDirectory(directory);

        private string TracePath => Path.Combine(directory, "trace.har");

        public void Dispose() => Directory.Delete(directory, recursive: true);

        [Fact]
        public void Should_Append_The_Entries_Of_Each_Process_Of_The_Same_Run()
        {
            // When
            HarFile.Append(TracePath, "run-1", [Entry("http://creatio.test/preflight")]);
            HarFile.Append(TracePath, "run-1", [Entry("http://creatio.test/apply")]);

            // Then
            Assert.Equal(["http://creatio.test/preflight", "http://creatio.test/apply"], Urls());
            Assert.Equal("run-1", HarFile.Read(TracePath)!.Log.RunId);
        }

        [Fact]
        public void Should_Start_Afresh_For_Another_Run_Or_A_Run_Of_Its_Own()
        {
            // Given
            HarFile.Append(TracePath, "run-1", [Entry("http://creatio.test/old")]);

            // When
            HarFile.Append(TracePath, "run-2", [Entry("http://creatio.test/new")]);
            var afterAnotherRun = Urls().ToList();
            HarFile.Append(TracePath, null, [Entry("http://creatio.test/alone")]);

            // Then
            Assert.Equal(["http://creatio.test/new"], afterAnotherRun);
            Assert.Equal(["http://creatio.test/alone"], Urls());
        }

        [Fact]
        public async Task Should_Keep_Every_Entry_When_Processes_Append_At_Once()
        {
            // When: as many writers as a busy agent could have, each with its own lock handle
            await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => HarFile.Append(TracePath, "run-1", [Entry($"http://creatio.test/{i}")]))));

            // Then: one valid file with every entry, and no temporary file left
            Assert.Equal(16, Urls().Distinct().Count());
            Assert.Equal(["trace.har"], Directory.GetFiles(directory).Select(Path.GetFileName).Where(name => !name!.EndsWith(".lock", StringComparison.Ordinal)));
        }

        [Fact]
        public void Should_Write_A_File_Only_Its_Owner_Can_Read()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            // When
            HarFile.Append(TracePath, null, [Entry("http://creatio.test/")]);

            // Then
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TracePath));
        }

        [Fact]
        public void Should_Refuse_A_Symlink_And_Leave_Its_Target_Alone()
        {
            // Given
            var target = Path.Combine(directory, "elsewhere.txt");
            File.WriteAllText(target, "not yours");
            File.CreateSymbolicLink(TracePath, target);

            // When
            var problem = HarFile.Problem(TracePath);
            var exception = Record.Exception(() => HarFile.Append(TracePath, null, [Entry("http://creatio.test/")]));

            // Then
            Assert.Contains("symbolic link", problem, StringComparison.Ordinal);
            Assert.IsAssignableFrom<IOException>(exception);
            Assert.Equal("not yours", File.ReadAllText(target));
        }

        [Fact]
        public void Should_Refuse_A_File_That_Is_Not_A_Trace()
        {
            // Given
            File.WriteAllText(TracePath, "# my notes");

            // When
            var problem = HarFile.Problem(TracePath);
            var exception = Record.Exception(() => HarFile.Append(TracePath, null, [Entry("http://creatio.test/")]));

            // Then
            Assert.Contains("is not a trace written by creatio-identity", problem, StringComparison.Ordinal);
            Assert.IsType<IOException>(exception);
            Assert.Equal("# my notes", File.ReadAllText(TracePath));
        }

        [Fact]
        public void Should_Refuse_A_Folder()
        {
            // Then
            Assert.Contains("is a folder", HarFile.Problem(directory), StringComparison.Ordinal);
        }

        private IEnumerable<string> Urls() => HarFile.Read(TracePath)!.Log.Entries.Select(entry => entry.Request.Url);
    }
}
