using System.Runtime.InteropServices;

namespace DailyPapers.Core.Ingestion;

/// <summary>What a path names, symbolic links followed: asked of the file system without opening the file.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// Tells a regular file from a FIFO, a device or a socket without opening it: opening a FIFO blocks until something
/// writes to it, and a device such as /dev/zero never ends. .NET's <see cref="FileSystemInfo.Attributes"/> call all of
/// them <c>Normal</c> on Linux and <see cref="File.GetUnixFileMode(string)"/> gives only the permission bits, so on Linux
/// the file type comes from <c>statx(2)</c>, whose buffer has one layout on every architecture.
/// </summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxSize = 256;

    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere a device shows in its attributes; FIFOs and sockets in a data folder are a Linux concern.
            return Directory.Exists(path) ? FileKind.Directory
                : !File.Exists(path) ? FileKind.Missing
                : File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice
                : FileKind.Regular;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            return FileKind.Missing;
        }

        return (BitConverter.ToUInt16(buffer[StatxModeOffset..]) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Missing,
        };
    }

    /// <summary>The kind as a message names it: "a FIFO", "a character device".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "missing",
    };

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> buffer);
}
