using System.Runtime.InteropServices;

namespace Postern.WebUser.Files;

/// <summary>Bytes in memory as a stream to write into File Storage.</summary>
public static class ReadOnlyMemoryStream
{
    /// <summary>A read-only stream over <paramref name="content"/>, without a copy when the bytes lie in an array.</summary>
    public static Stream Of(ReadOnlyMemory<byte> content) => MemoryMarshal.TryGetArray(content, out var array)
        ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
        : new MemoryStream(content.ToArray(), writable: false);
}
