using System.Text;
using Postern.Mail.Mbox;

namespace Postern.Mail.Tests.Mbox;

public class MboxWriterTests
{
    private static async Task<string> WriteAsync(params string[] messages)
    {
        using var output = new MemoryStream();
        var writer = new MboxWriter(output);
        foreach (var message in messages)
            await writer.WriteAsync("From sender Mon Jan  1 00:00:00 2024", new ChunkedStream(Encoding.UTF8.GetBytes(message), 3), CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task FromLinesAreQuotedAtEveryDepth()
    {
        var written = await WriteAsync("Subject: x\n\nFrom here\n>From there\n>>>From far\nFrom\n>Nothing\nFro\n");

        Assert.Equal(
            "From sender Mon Jan  1 00:00:00 2024\nSubject: x\n\n>From here\n>>From there\n>>>>From far\nFrom\n>Nothing\nFro\n\n",
            written);
    }

    [Fact]
    public async Task AMessageWithoutFinalLineBreakIsFollowedByTheSeparatorsOnly()
    {
        Assert.Equal("From sender Mon Jan  1 00:00:00 2024\nSubject: x\n\nno newline\n", await WriteAsync("Subject: x\n\nno newline"));
    }

    [Fact]
    public async Task WhatTheWriterWritesTheReaderReadsBack()
    {
        var random = new Random(42);
        var lines = new[] { "From a", ">From b", ">>From", "plain", "", "From", ">", "From x y z", "crlf\r" };
        var messages = Enumerable.Range(0, 50)
            .Select(_ => "Subject: s\n\n" + string.Join('\n', Enumerable.Range(0, random.Next(1, 30)).Select(_ => lines[random.Next(lines.Length)]))
                         + (random.Next(2) == 0 ? "\n" : ""))
            // A message ending in a lone CR is the one case the mbox format cannot keep apart.
            .Select(message => message.EndsWith('\r') ? message + "\n" : message)
            .ToArray();
        var mbox = Encoding.UTF8.GetBytes(await WriteAsync(messages));

        foreach (var chunk in new[] { 1, 5, 1 << 20 })
        {
            var read = new List<string>();
            await foreach (var entry in new MboxStreamReader(new ChunkedStream(mbox, chunk)).ReadAsync(CancellationToken.None))
                read.Add(Encoding.UTF8.GetString(entry.Content.Span));
            Assert.Equal(messages, read);
        }
    }

    [Theory]
    [InlineData("From MAILER-DAEMON Fri Jul  8 12:08:34 2011", "2011-07-08T12:08:34+00:00")]
    [InlineData("From user@example.com Sat Jan  3 01:05:34 1996 +0100", "1996-01-03T01:05:34+01:00")]
    [InlineData("From - Tue Aug 23 10:00:00 2022", "2022-08-23T10:00:00+00:00")]
    [InlineData("From foo@bar.com  Mon Dec 31 23:59:59 1999 remote from bar", "1999-12-31T23:59:59+00:00")]
    public void SeparatorDatesAreRead(string line, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MboxSeparator.ParseDate(line));
    }

    [Theory]
    [InlineData("From -")]
    [InlineData("From Russia with love")]
    [InlineData("From x Mon Feb 30 00:00:00 2024")]
    public void SeparatorsWithoutADateHaveNone(string line)
    {
        Assert.Null(MboxSeparator.ParseDate(line));
    }

    [Fact]
    public void SeparatorsAreWrittenInAsctimeFormAndReadBack()
    {
        var date = new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.FromHours(2));

        var line = MboxSeparator.Format("alice@example.com", date);

        Assert.Equal("From alice@example.com Tue Mar  5 05:08:09 2024", line);
        Assert.Equal(date, MboxSeparator.ParseDate(line));
        Assert.Equal("From MAILER-DAEMON Tue Mar  5 05:08:09 2024", MboxSeparator.Format("\"a b\"@example.com", date));
    }
}
