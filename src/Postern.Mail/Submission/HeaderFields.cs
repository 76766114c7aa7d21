using System.Security.Cryptography;
using Postern.Mime.Headers;
using Postern.Mime.Writing;

namespace Postern.Mail.Submission;

/// <summary>Adds header fields to and removes them from raw messages, leaving everything else byte for byte.</summary>
public static class HeaderFields
{
    /// <summary>
    /// The fields as RFC 5322 header lines: address fields as address lists, other values as text, encoded
    /// (RFC 2047) and folded by the message writer.
    /// </summary>
    public static byte[] Format(IReadOnlyList<KeyValuePair<string, string>> fields) => MessageWriter.WriteFields(fields);

    /// <summary>The message with <paramref name="fields"/> (whole header lines) placed before its first field.</summary>
    public static byte[] Prepend(ReadOnlySpan<byte> fields, ReadOnlySpan<byte> message)
    {
        var result = new byte[fields.Length + message.Length];
        fields.CopyTo(result);
        message.CopyTo(result.AsSpan(fields.Length));
        return result;
    }

    /// <summary>The message without any field called <paramref name="name"/> (folded lines included).</summary>
    public static ReadOnlyMemory<byte> Remove(ReadOnlyMemory<byte> message, string name)
    {
        var headers = HeaderList.Parse(message);
        var drop = headers.Where(f => f.Is(name)).Select(f => (f.Offset, f.RawField.Length)).ToArray();
        if (drop.Length == 0)
            return message;
        var result = new byte[message.Length - drop.Sum(d => d.Length)];
        var written = 0;
        var from = 0;
        foreach (var (offset, length) in drop)
        {
            message.Span[from..offset].CopyTo(result.AsSpan(written));
            written += offset - from;
            from = offset + length;
        }
        message.Span[from..].CopyTo(result.AsSpan(written));
        return result;
    }

    /// <summary>A new globally unique Message-ID (RFC 5322 §3.6.4): 128 random bits at the sender's domain.</summary>
    public static string NewMessageId(string domain) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "@" + domain;
}
