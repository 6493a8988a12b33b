namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The read stage's door: a file is opened only when it is a regular file, and read through a stream that stops at the
/// size limit whatever the file said its size was (a device, a file growing while it is read).
/// </summary>
internal static class DigestRead
{
    /// <summary>Why the file is not opened at all (a FIFO, a device, a socket, a folder, a link to nothing), or null when it is a regular file.</summary>
    public static string? Refusal(string path) => FileKinds.Of(path) switch
    {
        FileKind.Regular => null,
        FileKind.Missing => "the file cannot be read (it does not exist: a link to nothing?)",
        var kind => $"the file is {FileKinds.Describe(kind)}, not a regular file; it is not read",
    };

    /// <summary>At most <paramref name="limit"/> bytes of the file; null when it holds more.</summary>
    public static byte[]? ReadBounded(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        // The size is a hint for the buffer, never trusted as the end: a device says 0 and never ends.
        var expected = stream.CanSeek ? (int)Math.Clamp(stream.Length, 0, limit) : 0;
        var buffer = new byte[Math.Max(expected + 1, 4096)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return buffer[..total];
            }

            total += read;
            if (total > limit)
            {
                return null;
            }
        }
    }
}
