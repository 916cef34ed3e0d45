using System.Runtime.InteropServices;

namespace CreatioIdentity.PrivateFiles;

/// <summary>
/// What the file system says of a path itself (a link is not followed): its owner, type and
/// permission bits. .NET reads permission bits but not owners, so this asks the C library:
/// statx on Linux, lstat on macOS. Unix only.
/// </summary>
internal readonly partial record struct UnixFileStatus(uint Owner, UnixFileMode Permissions, bool IsDirectory, bool IsSymbolicLink)
{
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;
    private const int PermissionMask = 0xFFF;

    /// <summary>The user this process acts as (its effective user id).</summary>
    public static uint CurrentUser => Native.GetEffectiveUserId();

    /// <exception cref="IOException">The path cannot be examined (absent, not permitted, or the C library lacks the call).</exception>
    public static UnixFileStatus Of(string path)
    {
        var (owner, mode) = OperatingSystem.IsLinux() ? Native.LinuxStatus(path)
            : OperatingSystem.IsMacOS() ? Native.MacStatus(path)
            : throw new IOException($"Cannot tell who owns {path} on {RuntimeInformation.OSDescription}.");
        return new UnixFileStatus(
            owner,
            (UnixFileMode)(mode & PermissionMask),
            (mode & TypeMask) == DirectoryType,
            (mode & TypeMask) == LinkType);
    }

    private static partial class Native
    {
        private const string LibC = "libc";
        private const int CurrentDirectory = -100; // AT_FDCWD
        private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
        private const uint TypeModeAndOwner = 0x1 | 0x2 | 0x8; // STATX_TYPE | STATX_MODE | STATX_UID

        public static (uint Owner, int Mode) LinuxStatus(string path)
        {
            // struct statx (the same on every Linux architecture): stx_mask at 0, stx_uid at 20, stx_mode at 28.
            Span<byte> buffer = stackalloc byte[256];
            Check(Statx(CurrentDirectory, path, NoFollow, TypeModeAndOwner, buffer), path);
            var reported = BitConverter.ToUInt32(buffer[..4]);
            return (reported & TypeModeAndOwner) == TypeModeAndOwner
                ? (BitConverter.ToUInt32(buffer[20..24]), BitConverter.ToUInt16(buffer[28..30]))
                : throw new IOException($"The file system did not say who owns {path}.");
        }

        public static (uint Owner, int Mode) MacStatus(string path)
        {
            // struct stat with 64-bit inodes (the only one on arm64): st_mode at 4, st_uid at 16.
            Span<byte> buffer = stackalloc byte[144];
            Check(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? MacLStatX64(path, buffer) : MacLStat(path, buffer), path);
            return (BitConverter.ToUInt32(buffer[16..20]), BitConverter.ToUInt16(buffer[4..6]));
        }

        [LibraryImport(LibC, EntryPoint = "geteuid")]
        public static partial uint GetEffectiveUserId();

        private static void Check(int result, string path)
        {
            if (result != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                throw new IOException($"Cannot examine {path}: {Marshal.GetPInvokeErrorMessage(error)}.", error);
            }
        }

        [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);

        [LibraryImport(LibC, EntryPoint = "lstat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int MacLStat(string path, Span<byte> buffer);

        [LibraryImport(LibC, EntryPoint = "lstat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int MacLStatX64(string path, Span<byte> buffer);
    }
}
