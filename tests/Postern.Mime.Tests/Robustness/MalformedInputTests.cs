using System.Diagnostics;
using System.Text;
using System.Xml;
using Postern.Mime.Inspection;
using Postern.Mime.Summary;
using Postern.Mime.Tests.Corpus;
using Postern.Mime.Xml;

namespace Postern.Mime.Tests.Robustness;

/// <summary>Damaged and hostile input: never an exception, never a hang, every cap enforced.</summary>
public class MalformedInputTests
{
    /// <summary>Generous for a 2-core CI machine; a healthy run takes milliseconds per message.</summary>
    private static readonly TimeSpan s_timeBudget = TimeSpan.FromSeconds(5);

    private static readonly MimeLimits s_limits = MimeLimits.Default;

    public static TheoryData<string> SmallCorpusMessages() =>
        new(CorpusFiles.Messages().Where(f => CorpusFiles.Bytes(f).Length <= 64 * 1024));

    [Theory]
    [MemberData(nameof(SmallCorpusMessages))]
    public void TruncationAtManyOffsetsIsSurvived(string file)
    {
        var bytes = CorpusFiles.Bytes(file);
        var step = Math.Max(1, bytes.Length / 97);
        for (var length = 0; length < bytes.Length; length += step)
        {
            Exercise(bytes.AsMemory(0, length), $"{file} cut at {length}");
        }
    }

    [Theory]
    [MemberData(nameof(SmallCorpusMessages))]
    public void RandomByteFlipsAreSurvived(string file)
    {
        var original = CorpusFiles.Bytes(file);
        var random = new Random(file.GetHashCode(StringComparison.Ordinal) & 0x7FFF_FFFF ^ 20240601);
        ReadOnlySpan<byte> interesting = "\r\n-:;=?\"<>()@\\ \t"u8;
        for (var round = 0; round < 40; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 1 + random.Next(8); flips > 0 && bytes.Length > 0; flips--)
            {
                var at = random.Next(bytes.Length);
                bytes[at] = random.Next(2) == 0 ? (byte)random.Next(256) : interesting[random.Next(interesting.Length)];
            }

            Exercise(bytes, $"{file} round {round}");
        }
    }

    [Fact]
    public void MultipartNestingBombIsCappedAtTheDepthLimit()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            text.Append("Content-Type: multipart/mixed; boundary=b\n\n--b\n");
        }

        var message = Exercise(Encoding.ASCII.GetBytes(text.ToString()), "multipart bomb");

        Assert.Equal(s_limits.MaxDepth, message.EnumerateParts().Max(p => p.Depth));
    }

    [Fact]
    public void EmbeddedMessageNestingBombIsCappedAtTheDepthLimit()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            text.Append("Content-Type: message/rfc822\n\n");
        }

        var message = Exercise(Encoding.ASCII.GetBytes(text.ToString()), "message bomb");

        Assert.Equal(s_limits.MaxDepth, message.EnumerateParts().Max(p => p.Depth));
    }

    [Fact]
    public void EncodedMultipartNestingIsCappedBeforeItMultipliesTheDecoding()
    {
        // Quoted-printable barely shrinks, so every encoded level would copy nearly all of the input again.
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            text.Append("Content-Type: multipart/mixed; boundary=z").Append(i).Append("\nContent-Transfer-Encoding: quoted-printable\n\n--z").Append(i).Append('\n');
        }

        var message = Exercise(Encoding.ASCII.GetBytes(text.ToString()), "encoded multipart bomb");

        Assert.Equal(8, message.EnumerateParts().Max(p => p.Depth));
        Assert.Contains(message.EnumerateDefects(), d => d.Kind == MimeDefectKind.NestingTooDeep);
    }

    [Fact]
    public void HugeHeaderCountIsCapped()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("X-H: v\n");
        }

        var message = Exercise(Encoding.ASCII.GetBytes(text.Append("\nbody").ToString()), "header bomb");

        Assert.Equal(s_limits.MaxHeaderCount, message.Headers.Count);
        Assert.Equal("body", Messages.Utf8(message.Body.RawBody));
    }

    [Fact]
    public void HugePartCountIsCapped()
    {
        var text = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("--b\n\n");
        }

        var message = Exercise(Encoding.ASCII.GetBytes(text.ToString()), "part bomb");

        Assert.True(message.EnumerateParts().Count() <= s_limits.MaxPartCount);
    }

    [Theory]
    [InlineData("Subject: ", "\n\nbody")]
    [InlineData("To: ", "\n\nbody")]
    [InlineData("Content-Type: text/plain; name=", "\n\nbody")]
    [InlineData("Subject: x\n\n", "")]
    [InlineData("Content-Type: multipart/mixed; boundary=b\n\n--b\n\n", "\n--b--\n")]
    public void MegabyteLinesAreSurvived(string prefix, string suffix)
    {
        var line = new string('a', 1024 * 1024);
        var message = Exercise(Encoding.ASCII.GetBytes(prefix + line + suffix), "1 MB line");

        foreach (var field in message.Headers)
        {
            Assert.True(field.RawValue.Length <= s_limits.MaxHeaderFieldLength);
        }
    }

    [Theory]
    [InlineData("To: ", "=?utf-8?q?x?")]
    [InlineData("Subject: ", "=?")]
    [InlineData("To: ", "<")]
    [InlineData("To: ", "\"")]
    [InlineData("To: ", "(")]
    [InlineData("To: ", "a@")]
    [InlineData("Content-Type: text/plain; ", "a=b ")]
    [InlineData("Content-Type: text/plain; ", "(")]
    [InlineData("Date: ", "1 ")]
    [InlineData("References: ", "<")]
    public void RepeatedTokensInHeadersCostLinearTime(string field, string token)
    {
        var value = string.Concat(Enumerable.Repeat(token, 200_000 / token.Length));
        var bytes = Encoding.ASCII.GetBytes(field + value + "\n\nbody");

        var message = Exercise(bytes, $"{field}{token}...");

        _ = message.Headers.GetAddresses(field.TrimEnd(' ', ':'));
        _ = message.Headers.GetMessageIds(field.TrimEnd(' ', ':'));
        _ = message.Headers.GetDate(field.TrimEnd(' ', ':'));
    }

    [Fact]
    public void BodyFullOfNearDelimitersIsLinear()
    {
        var text = new StringBuilder("Content-Type: multipart/mixed; boundary=boundary\n\n--boundary\n\n");
        for (var i = 0; i < 200_000; i++)
        {
            text.Append("--boundar\n");
        }

        Exercise(Encoding.ASCII.GetBytes(text.Append("--boundary--\n").ToString()), "near delimiters");
    }

    /// <summary>Parses and uses every view of the message; fails on an exception or a slow run.</summary>
    private static MimeMessage Exercise(ReadOnlyMemory<byte> bytes, string what)
    {
        var watch = Stopwatch.StartNew();
        var message = MimeMessage.Parse(bytes, s_limits);
        _ = MessageSummary.Create(message);
        _ = MimeTreeWriter.Write(message);
        using (var writer = XmlWriter.Create(TextWriter.Null))
        {
            EmailXmlWriter.Write(message, writer);
        }

        foreach (var part in message.EnumerateParts())
        {
            Assert.True(part.Depth <= s_limits.MaxDepth, what);
            Assert.True(part.Headers.Count <= s_limits.MaxHeaderCount, what);
            Assert.InRange(part.BodyOffset, part.Offset, part.EndOffset);
            _ = part.FindEmbeddedFiles();
        }

        Assert.True(watch.Elapsed < s_timeBudget, $"{what} took {watch.Elapsed}");
        return message;
    }
}
