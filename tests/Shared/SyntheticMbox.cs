using System.Globalization;
using System.Text;

namespace Postern.Testing;

/// <summary>
/// Deterministic mbox files of any size for import tests and benchmarks: realistic headers, bodies
/// of 1–4 KB, and now and then a body line beginning with "From " (written escaped, as mboxrd does).
/// </summary>
internal static class SyntheticMbox
{
    private static readonly string[] s_names = ["Alice Example", "Bob Builder", "Carol Singer", "Dan Brown", "Eve Listener", "Frank Zappa"];
    private static readonly string[] s_words = ["postern", "mailbox", "quarterly", "report", "meeting", "lunch", "release", "review", "budget", "draft"];

    /// <summary>The bytes of message <paramref name="index"/> as it is stored (before mbox escaping).</summary>
    public static byte[] Message(int index)
    {
        var random = new Random(index);
        var from = s_names[random.Next(s_names.Length)];
        var subject = (random.Next(4) == 0 ? "Re: " : "") + string.Join(' ', Enumerable.Range(0, 4).Select(_ => s_words[random.Next(s_words.Length)]));
        var date = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index * 7 + random.Next(7));
        var text = new StringBuilder(4096);
        text.Append("From: \"").Append(from).Append("\" <").Append(from.Split(' ')[0].ToLowerInvariant()).Append("@example.com>\n")
            .Append("To: postmaster@example.com\n")
            .Append("Subject: ").Append(subject).Append(" #").Append(index.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append('\n')
            .Append("Message-ID: <").Append(index.ToString(CultureInfo.InvariantCulture)).Append(".synthetic@example.com>\n")
            .Append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n");
        var lines = random.Next(15, 60);
        for (var line = 0; line < lines; line++)
        {
            if (random.Next(40) == 0)
                text.Append("From the archive, line ").Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
            else
                text.AppendJoin(' ', Enumerable.Range(0, random.Next(6, 14)).Select(_ => s_words[random.Next(s_words.Length)])).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Writes an mbox of messages 0 to <paramref name="count"/> − 1 to <paramref name="path"/>.</summary>
    /// <returns>The total size of the messages as stored.</returns>
    public static long Write(string path, int count)
    {
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        long bytes = 0;
        for (var index = 0; index < count; index++)
        {
            var message = Message(index);
            bytes += message.Length;
            output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"From sender@example.com Mon Jan  6 12:00:00 2020\n")));
            var text = Encoding.UTF8.GetString(message);
            output.Write(Encoding.UTF8.GetBytes(text.Replace("\nFrom ", "\n>From ", StringComparison.Ordinal)));
            output.WriteByte((byte)'\n');
        }
        return bytes;
    }
}
