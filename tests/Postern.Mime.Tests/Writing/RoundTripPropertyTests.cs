using System.Text;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;

namespace Postern.Mime.Tests.Writing;

/// <summary>parse(write(x)) keeps every header and decoded body, for messages generated from fixed seeds.</summary>
public class RoundTripPropertyTests
{
    private const int Iterations = 300;

    private static readonly string[] s_pieces =
    [
        "a", "Z", "7", " ", "  ", "\t", ".", ",", ";", ":", "<", ">", "@", "\"", "\\", "(", ")", "[", "]", "=", "?", "_", "=?", "?=",
        "é", "ß", "Ж", "щ", "日本", "語", "😀", "€", "naïve", "Grüße", "word", "Re:", "-", "'", "%", "*",
    ];

    [Fact]
    public void HeadersAndBodiesSurviveWritingAndParsing()
    {
        for (var seed = 0; seed < Iterations; seed++)
        {
            var random = new Random(seed);
            var original = RandomMessage(random, depth: 0);

            var parsed = MimeMessage.Parse(MessageWriter.Write(original));

            AssertSameMessage(original, parsed, $"seed {seed}");
        }
    }

    private static ComposedMessage RandomMessage(Random random, int depth)
    {
        var message = new ComposedMessage
        {
            Subject = RandomText(random, 1, 120),
            Date = new DateTimeOffset(2000 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), random.Next(60), random.Next(60),
                TimeSpan.FromMinutes(random.Next(-12 * 4, 14 * 4) * 15)),
            MessageId = $"id{random.Next()}.{random.Next()}@example.{random.Next(100)}",
        };
        message.From.Add(RandomMailbox(random));
        for (var i = random.Next(4); i > 0; i--)
        {
            message.To.Add(RandomMailbox(random));
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            message.Cc.Add(RandomMailbox(random));
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            message.References.Add($"ref{random.Next()}@example.com");
        }

        message.Headers.Add(new("X-Random", RandomText(random, 1, 200)));
        message.Body = RandomPart(random, depth);
        return message;
    }

    private static ComposedPart RandomPart(Random random, int depth)
    {
        switch (random.Next(depth < 2 ? 5 : 3))
        {
            case 0:
                return new ComposedText(RandomBody(random), random.Next(2) == 0 ? "plain" : "html");
            case 1:
            case 2:
                var bytes = new byte[random.Next(0, 3000)];
                random.NextBytes(bytes);
                return new ComposedBinary(bytes, "application", "x-test") { FileName = RandomText(random, 1, 90), Disposition = "attachment" };
            case 3:
                return new ComposedMultipart(random.Next(2) == 0 ? "mixed" : "alternative",
                    Enumerable.Range(0, 1 + random.Next(3)).Select(_ => RandomPart(random, depth + 1)));
            default:
                return new ComposedMessagePart(RandomMessage(random, depth + 1));
        }
    }

    private static MailboxAddress RandomMailbox(Random random)
    {
        var local = random.Next(4) == 0 ? "first last" : "user" + random.Next(1000);
        var domain = random.Next(3) == 0 ? "почта.рф" : "example.com";
        return new MailboxAddress(random.Next(4) == 0 ? null : RandomText(random, 1, 40), local, domain);
    }

    /// <summary>Header-safe text: no line breaks, no white space at the ends (a field value's ends are not kept).</summary>
    private static string RandomText(Random random, int minPieces, int maxLength)
    {
        var sb = new StringBuilder();
        var count = minPieces + random.Next(maxLength / 2);
        for (var i = 0; i < count && sb.Length < maxLength; i++)
        {
            sb.Append(s_pieces[random.Next(s_pieces.Length)]);
        }

        var text = sb.ToString().Trim(' ', '\t');
        return text.Length == 0 ? "x" : text;
    }

    private static string RandomBody(Random random)
    {
        var sb = new StringBuilder();
        for (var i = random.Next(40); i > 0; i--)
        {
            sb.Append(random.Next(8) == 0 ? "\n" : random.Next(20) == 0 ? "\r\n" : s_pieces[random.Next(s_pieces.Length)]);
        }

        if (random.Next(10) == 0)
        {
            sb.Append(new string('y', 1200));
        }

        return sb.ToString();
    }

    private static void AssertSameMessage(ComposedMessage expected, MimeMessage actual, string where)
    {
        Assert.True(expected.Subject == actual.Subject, $"{where}: subject [{expected.Subject}] read back as [{actual.Subject}]");
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.References, actual.Headers.GetMessageIds("References"));
        Assert.Equal(expected.Headers[0].Value, actual.Headers.GetText("X-Random"));
        AssertSameMailboxes(expected.From, actual.From.Mailboxes, where);
        AssertSameMailboxes(expected.To.Cast<MailboxAddress>().ToList(), actual.To.Mailboxes, where);
        AssertSameMailboxes(expected.Cc.Cast<MailboxAddress>().ToList(), actual.Cc.Mailboxes, where);
        AssertSamePart(expected.Body, actual.Body, where);
    }

    private static void AssertSameMailboxes(IReadOnlyList<MailboxAddress> expected, IReadOnlyList<MailboxAddress> actual, string where)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Name == actual[i].Name, $"{where}: name [{expected[i].Name}] read back as [{actual[i].Name}]");
            Assert.True(expected[i].HasSameAddress(actual[i]), $"{where}: {expected[i].Address} read back as {actual[i].Address}");
        }
    }

    private static void AssertSamePart(ComposedPart expected, MimePart actual, string where)
    {
        Assert.Equal(expected.MediaType + "/" + expected.MediaSubtype, actual.ContentType.MimeType);
        switch (expected)
        {
            case ComposedText text:
                var crlf = text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
                Assert.True(crlf == actual.GetText(), $"{where}: text body differs");
                break;
            case ComposedBinary binary:
                Assert.Equal(binary.Content.ToArray(), actual.DecodeContent().ToArray());
                Assert.True(binary.FileName == actual.FileName, $"{where}: file name [{binary.FileName}] read back as [{actual.FileName}]");
                break;
            case ComposedMultipart multipart:
                Assert.Equal(multipart.Parts.Count, actual.Children.Count);
                for (var i = 0; i < multipart.Parts.Count; i++)
                {
                    AssertSamePart(multipart.Parts[i], actual.Children[i], where);
                }

                break;
            case ComposedMessagePart embedded:
                AssertSameMessage(embedded.Message!, actual.Message!, where + " (embedded)");
                break;
        }
    }
}
