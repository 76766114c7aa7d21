using System.Text;
using System.Text.Json;
using Postern.Mail.Mbox;
using Postern.Testing;

namespace Postern.Mail.Tests.Mbox;

public class MboxStreamReaderTests
{
    private static async Task<List<MboxEntry>> ReadAllAsync(byte[] mbox, int chunk = int.MaxValue, int maxMessageSize = int.MaxValue)
    {
        var reader = new MboxStreamReader(new ChunkedStream(mbox, chunk)) { MaxMessageSize = maxMessageSize };
        var entries = new List<MboxEntry>();
        await foreach (var entry in reader.ReadAsync(CancellationToken.None))
            entries.Add(entry);
        return entries;
    }

    private static string Text(MboxEntry entry) => Encoding.UTF8.GetString(entry.Content.Span);

    /// <summary>
    /// The files, the read sizes, and how many bytes of the file's final line break the last message
    /// leaves out: MimeKit keeps it in the message, we give it to the separator (as the line break
    /// before every other separator) unless a Content-Length counts it.
    /// </summary>
    public static TheoryData<string, int, int> CorpusFilesAndReadSizes() => new()
    {
        { "content-length", int.MaxValue, 0 }, { "content-length", 1, 0 }, { "content-length", 4093, 0 },
        { "issue1189", int.MaxValue, 1 }, { "issue1189", 1, 1 }, { "issue1189", 17, 1 },
    };

    [Theory]
    [MemberData(nameof(CorpusFilesAndReadSizes))]
    public async Task MessagesLieWhereMimeKitExpectsThemHoweverTheFileArrives(string name, int chunk, int finalLineBreak)
    {
        var mbox = TestData.Bytes("mbox", name + ".mbox.txt");
        var expected = JsonDocument.Parse(TestData.Text("mbox", name + ".unix-offsets.json")).RootElement.EnumerateArray().ToArray();

        var entries = await ReadAllAsync(mbox, chunk);

        Assert.Equal(expected.Length, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var begin = expected[i].GetProperty("beginOffset").GetInt32();
            var end = expected[i].GetProperty("endOffset").GetInt32();
            if (end == mbox.Length)
                end -= finalLineBreak;
            Assert.Equal(expected[i].GetProperty("mboxMarkerOffset").GetInt64(), entries[i].FileOffset);
            Assert.True(mbox.AsSpan(begin, end - begin).SequenceEqual(entries[i].Content.Span), $"message {i} differs");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1 << 20)]
    public async Task ContentLengthKeepsUnescapedFromLinesInsideTheBody(int chunk)
    {
        const string Body = "From here on\n>From there\n";
        var mbox = $"From a\nSubject: counted\nContent-Length: {Body.Length}\n\n{Body}\nFrom b\nSubject: next\n\nx\n";

        var entries = await ReadAllAsync(Encoding.ASCII.GetBytes(mbox), chunk);

        Assert.Equal($"Subject: counted\nContent-Length: {Body.Length}\n\n{Body}", Text(entries[0]));
        Assert.Equal("Subject: next\n\nx", Text(entries[1]));
    }

    [Fact]
    public async Task AContentLengthThatMissesTheNextSeparatorIsIgnored()
    {
        var mbox = "From a\nSubject: wrong length\nContent-Length: 3\n\nbody text\n\nFrom b\nSubject: next\n\nx\n";

        var entries = await ReadAllAsync(Encoding.ASCII.GetBytes(mbox));

        Assert.Equal("Subject: wrong length\nContent-Length: 3\n\nbody text\n", Text(entries[0]));
    }

    [Fact]
    public async Task WithoutContentLengthEveryFromLineStartsAMessageAndTheByteOrderMarkIsSkipped()
    {
        var entries = await ReadAllAsync(TestData.Bytes("mbox", "unmunged.mbox.txt"));

        Assert.Equal(["From -", "From Russia with love", "From -", "From Russia with love"], entries.Select(e => e.Separator));
        Assert.StartsWith("From: Jeffrey Stedfast", Text(entries[0]));
        Assert.Equal(3, entries[0].FileOffset);
    }

    [Fact]
    public async Task SeparatorsWithoutAnEmptyLineBeforeThemTakeTheMessagesLastLineBreak()
    {
        var entries = await ReadAllAsync(TestData.Bytes("mbox", "simple.mbox.txt"));

        Assert.Equal(3, entries.Count);
        Assert.All(entries, entry => Assert.EndsWith("<-- You are here.", Text(entry)));
        Assert.All(entries, entry => Assert.StartsWith("From: fejj@gnome.org\n", Text(entry)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1 << 20)]
    public async Task EscapedFromLinesLoseOneQuoteAndCrlfIsKept(int chunk)
    {
        var mbox = "From a@example.com Mon Jan  1 00:00:00 2024\r\nSubject: one\r\n\r\n>From the start\r\n>>From deeper\r\n>Not a from\r\n\r\n"
                   + "From b@example.com Tue Jan  2 00:00:00 2024\r\nSubject: two\r\n\r\nbody\r\n";

        var entries = await ReadAllAsync(Encoding.ASCII.GetBytes(mbox), chunk);

        Assert.Equal(2, entries.Count);
        Assert.Equal("Subject: one\r\n\r\nFrom the start\r\n>From deeper\r\n>Not a from\r\n", Text(entries[0]));
        Assert.Equal("Subject: two\r\n\r\nbody", Text(entries[1]));
        Assert.Equal("From b@example.com Tue Jan  2 00:00:00 2024", entries[1].Separator);
    }

    [Fact]
    public async Task TooLargeMessagesAreSkippedAndCounted()
    {
        var big = new string('x', 5000);
        var mbox = Encoding.ASCII.GetBytes($"From a\nSubject: small\n\nhi\n\nFrom b\nSubject: big\n\n{big}\n\nFrom c\nSubject: small too\n\nho\n");
        var reader = new MboxStreamReader(new ChunkedStream(mbox, 100)) { MaxMessageSize = 1000 };
        var entries = new List<MboxEntry>();

        await foreach (var entry in reader.ReadAsync(CancellationToken.None))
            entries.Add(entry);

        Assert.Equal(["From a", "From c"], entries.Select(e => e.Separator));
        Assert.Equal(1, reader.SkippedMessages);
    }

    [Fact]
    public async Task JunkBeforeTheFirstSeparatorIsSkippedAndEmptyMessagesAreDropped()
    {
        var entries = await ReadAllAsync(Encoding.ASCII.GetBytes("garbage\nmore\nFrom a\nFrom b\nSubject: x\n\nbody\n"));

        Assert.Equal("Subject: x\n\nbody", Text(Assert.Single(entries)));
    }

    [Fact]
    public async Task AFileWithoutSeparatorsIsNotAnMbox()
    {
        await Assert.ThrowsAsync<MailException>(() => ReadAllAsync(Encoding.ASCII.GetBytes("Subject: just a message\n\nhello\n")));
        Assert.Empty(await ReadAllAsync([]));
    }
}
