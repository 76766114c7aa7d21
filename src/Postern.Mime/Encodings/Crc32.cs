namespace Postern.Mime.Encodings;

/// <summary>CRC-32 (ISO-HDLC: polynomial 0x04C11DB7 reflected, as zip and PNG use), the checksum yEnc carries.</summary>
/// <remarks>
/// Public so that a caller joining the parts of a split yEnc file can check the whole file against
/// <see cref="YEncBlock.FileCrc32"/>. The BCL has none outside the System.IO.Hashing package; a table-driven
/// loop is plenty for attachment-sized data.
/// </remarks>
public static class Crc32
{
    private static readonly uint[] s_table = CreateTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in data)
        {
            crc = s_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
