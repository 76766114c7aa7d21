using System.Text;

namespace Postern.Testing;

/// <summary>
/// A generated message of any size for zero-copy tests and benchmarks: a short text part and one base64
/// attachment (part 02) that fills the rest, 76-character lines of a repeating pattern.
/// </summary>
internal static class LargeMessage
{
    /// <summary>What the attachment decodes to, repeated: 57 bytes per 76-character base64 line (RFC 2045 §6.8).</summary>
    public static ReadOnlySpan<byte> DecodedLine => "Postern large message test data, fifty-seven bytes long!\n"u8;

    private const string Head =
        "From: Big Sender <big@example.com>\r\nTo: alice@example.com\r\nSubject: A large attachment\r\n"
        + "Date: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <large@example.com>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"large-boundary\"\r\n\r\n"
        + "--large-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe file is attached.\r\n"
        + "--large-boundary\r\nContent-Type: application/octet-stream; name=\"large.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";

    private const string Tail = "--large-boundary--\r\n";

    /// <summary>How many attachment lines a message of about <paramref name="size"/> bytes has.</summary>
    public static int LineCount(long size) => (int)((size - Head.Length - Tail.Length) / EncodedLine.Length);

    /// <summary>The attachment's decoded size in a message of about <paramref name="size"/> bytes.</summary>
    public static long DecodedSize(long size) => (long)LineCount(size) * DecodedLine.Length;

    /// <summary>The whole message, about <paramref name="size"/> bytes.</summary>
    public static byte[] Create(long size)
    {
        var lines = LineCount(size);
        var bytes = new byte[Head.Length + (lines * EncodedLine.Length) + Tail.Length];
        Encoding.ASCII.GetBytes(Head, bytes);
        var body = bytes.AsSpan(Head.Length, lines * EncodedLine.Length);
        EncodedLine.CopyTo(body);
        // Doubling copies fill the body with the line in a few dozen calls.
        for (var filled = EncodedLine.Length; filled < body.Length; filled *= 2)
            body[..Math.Min(filled, body.Length - filled)].CopyTo(body[filled..]);
        Encoding.ASCII.GetBytes(Tail, bytes.AsSpan(bytes.Length - Tail.Length));
        return bytes;
    }

    /// <summary>Writes the message to <paramref name="path"/> without holding it all in memory.</summary>
    public static void WriteTo(string path, long size)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(Encoding.ASCII.GetBytes(Head));
        var chunk = new byte[EncodedLine.Length * 4096];
        for (var i = 0; i < 4096; i++)
            EncodedLine.CopyTo(chunk.AsSpan(i * EncodedLine.Length));
        for (var left = LineCount(size); left > 0; left -= 4096)
            file.Write(chunk, 0, Math.Min(left, 4096) * EncodedLine.Length);
        file.Write(Encoding.ASCII.GetBytes(Tail));
    }

    private static ReadOnlySpan<byte> EncodedLine => "UG9zdGVybiBsYXJnZSBtZXNzYWdlIHRlc3QgZGF0YSwgZmlmdHktc2V2ZW4gYnl0ZXMgbG9uZyEK\r\n"u8;
}
