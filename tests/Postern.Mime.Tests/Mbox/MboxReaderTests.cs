using System.Text;
using System.Text.Json;
using Postern.Mime.Mbox;
using Postern.Mime.Tests.Corpus;

namespace Postern.Mime.Tests.Mbox;

public class MboxReaderTests
{
    public static TheoryData<string, string> OffsetFiles() => new()
    {
        { "content-length", "unix" },
        { "content-length", "dos" },
        { "issue1189", "unix" },
        { "issue1189", "dos" },
    };

    [Theory]
    [MemberData(nameof(OffsetFiles))]
    public void MessageAndPartOffsetsMatchTheCorpusExpectations(string name, string lineEndings)
    {
        var mbox = CorpusFiles.Bytes($"mbox/{name}.mbox.txt");
        if (lineEndings == "dos")
        {
            mbox = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(mbox).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        using var expected = JsonDocument.Parse(CorpusFiles.Bytes($"mbox/{name}.{lineEndings}-offsets.json"));
        var entries = MboxReader.Split(mbox).ToArray();

        Assert.Equal(expected.RootElement.GetArrayLength(), entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var json = expected.RootElement[i];
            Assert.Equal(json.GetProperty("mboxMarkerOffset").GetInt32(), entries[i].MarkerOffset);
            Assert.Equal(json.GetProperty("beginOffset").GetInt32(), entries[i].Offset);
            Assert.Equal(json.GetProperty("endOffset").GetInt32(), entries[i].EndOffset);
            var message = MimeMessage.Parse(mbox[entries[i].Range]);
            AssertPart(json.GetProperty("body"), message.Body, entries[i].Offset, $"{name} message {i}");
        }
    }

    [Theory]
    [InlineData("content-length")]
    [InlineData("issue1189")]
    public void ContentTypeTreesMatchTheCorpusSummaries(string name)
    {
        var mbox = CorpusFiles.Bytes($"mbox/{name}.mbox.txt");
        var actual = new StringBuilder();
        foreach (var entry in MboxReader.Split(mbox))
        {
            var message = MimeMessage.Parse(mbox.AsMemory(entry.Range));
            actual.Append(Encoding.Latin1.GetString(mbox, entry.MarkerOffset, entry.Offset - entry.MarkerOffset).TrimEnd('\r', '\n')).Append('\n');
            foreach (var field in new[] { "From", "To", "Subject", "Date" })
            {
                if (message.Headers.TryGet(field, out var value))
                {
                    var text = field == "Date" ? Postern.Mime.Headers.MailDate.Format(value.GetDate()!.Value) : field is "From" or "To" ? value.GetAddresses().ToString() : value.GetText();
                    actual.Append(field).Append(": ").Append(text).Append('\n');
                }
            }

            AppendTree(actual, message.Body, 0);
            actual.Append('\n');
        }

        var expected = Encoding.UTF8.GetString(CorpusFiles.Bytes($"mbox/{name}-summary.txt")).ReplaceLineEndings("\n");
        Assert.Equal(ContentTypeLines(expected), ContentTypeLines(actual.ToString()));
        Assert.Equal(Lines(expected, "Subject: "), Lines(actual.ToString(), "Subject: "));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("unmunged")]
    [InlineData("issue1189")]
    [InlineData("content-length")]
    public void PartTreesOfEveryMessageMatchTheGoldenFile(string name)
    {
        var mbox = CorpusFiles.Bytes($"mbox/{name}.mbox.txt");

        var trees = string.Concat(MboxReader.Parse(mbox).Select(Inspection.MimeTreeWriter.Write));

        CorpusFiles.AssertGolden($"mbox/{name}.mbox.txt.tree.txt", trees);
    }

    [Fact]
    public void NestedMultipartsReusingTheirParentsBoundaryNest()
    {
        var message = MboxReader.Parse(CorpusFiles.Bytes("mbox/simple.mbox.txt")).ElementAt(1);

        var leaf = message.EnumerateParts().Last();
        Assert.Equal("text/plain", leaf.ContentType.MimeType);
        Assert.Equal(3, leaf.Depth);
        Assert.Equal("01-01-01", leaf.PartId);
    }

    [Fact]
    public void UnescapedFromLinesSplitMessagesWithoutContentLength()
    {
        var mbox = CorpusFiles.Bytes("mbox/unmunged.mbox.txt");

        var subjects = MboxReader.Parse(mbox).Select(m => m.Subject).ToArray();

        Assert.Equal(4, subjects.Length);
        Assert.Equal("This is a test message with an unmunged From line", subjects[0]);
        Assert.Equal("Another test message with an unmunged From line", subjects[2]);
    }

    [Fact]
    public void SimpleMboxSplitsIntoItsMessages()
    {
        var messages = MboxReader.Parse(CorpusFiles.Bytes("mbox/simple.mbox.txt")).ToArray();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.NotEmpty(m.Headers));
    }

    [Fact]
    public void TextWithoutSeparatorsHasNoMessages() => Assert.Empty(MboxReader.Split("no separator here\n"u8.ToArray()));

    private static IEnumerable<string> ContentTypeLines(string text) =>
        text.Split('\n').Where(l => l.TrimStart().StartsWith("Content-Type: ", StringComparison.Ordinal)).Select(l => l.TrimEnd().ToLowerInvariant());

    private static IEnumerable<string> Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l.TrimEnd());

    private static void AppendTree(StringBuilder sb, MimePart part, int depth)
    {
        sb.Append(new string(' ', depth * 3)).Append("Content-Type: ").Append(part.ContentType.MimeType).Append('\n');
        if (part.Message is not null)
        {
            AppendTree(sb, part.Message.Body, depth + 1);
        }

        foreach (var child in part.Children)
        {
            AppendTree(sb, child, depth + 1);
        }
    }

    /// <summary>
    /// Where Postern deliberately differs from the corpus expectations. In issue1189's second message the
    /// attachment's base64 follows its header without an empty line; the corpus keeps it all as header
    /// (an empty body), Postern starts the body at the first line that is not a field, so the file survives.
    /// </summary>
    private static readonly HashSet<string> s_bodyStartsAtFirstNonField = ["issue1189 message 1/2"];

    private static void AssertPart(JsonElement json, MimePart part, int baseOffset, string where)
    {
        if (s_bodyStartsAtFirstNonField.Contains(where))
        {
            Assert.StartsWith("N3q8ryccAAQFn0NaGrkKAAAAAAC", Messages.Utf8(part.RawBody));
            Assert.Equal(json.GetProperty("endOffset").GetInt32(), baseOffset + part.EndOffset);
            return;
        }

        Assert.True(json.GetProperty("mimeType").GetString()!.Equals(part.ContentType.MimeType, StringComparison.OrdinalIgnoreCase),
            $"{where}: {json.GetProperty("mimeType").GetString()} vs {part.ContentType.MimeType}");
        Assert.Equal(json.GetProperty("beginOffset").GetInt32(), baseOffset + part.Offset);
        Assert.Equal(json.GetProperty("headersEndOffset").GetInt32(), baseOffset + part.BodyOffset);
        Assert.Equal(json.GetProperty("endOffset").GetInt32(), baseOffset + part.EndOffset);
        if (json.TryGetProperty("children", out var children))
        {
            Assert.Equal(children.GetArrayLength(), part.Children.Count);
            for (var i = 0; i < part.Children.Count; i++)
            {
                AssertPart(children[i], part.Children[i], baseOffset, $"{where}/{i + 1}");
            }
        }

        if (json.TryGetProperty("message", out var message))
        {
            Assert.NotNull(part.Message);
            AssertPart(message.GetProperty("body"), part.Message.Body, baseOffset, where + "/message");
        }
    }
}
