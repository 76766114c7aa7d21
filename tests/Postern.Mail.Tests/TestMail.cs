using System.Text;
using Postern.Mime.Headers;

namespace Postern.Mail.Tests;

/// <summary>Small RFC 5322 messages for tests.</summary>
internal static class TestMail
{
    public static readonly DateTimeOffset BaseDate = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Message(
        string subject,
        string from = "Bob Builder <bob@example.org>",
        string to = "Alice <alice@example.com>",
        string body = "Hello there.",
        DateTimeOffset? date = null,
        params string[] extraHeaders)
    {
        var text = new StringBuilder()
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(to).Append("\r\n")
            .Append("Subject: ").Append(subject).Append("\r\n")
            .Append("Date: ").Append(MailDate.Format(date ?? BaseDate)).Append("\r\n")
            .Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@example.org>\r\n");
        foreach (var header in extraHeaders)
            text.Append(header).Append("\r\n");
        text.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
