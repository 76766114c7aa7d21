using System.Text.RegularExpressions;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>folderOpen, folderReopen, folderBrowse, folderSearch, folderClose.</summary>
public partial class FolderOperationTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;
    private XimssChannel _alice = null!;

    public async Task InitializeAsync()
    {
        _ximss = await XimssHarness.CreateAsync();
        (_alice, _, _) = await _ximss.SessionAsync();
    }

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    /// <summary>Five messages: subjects, senders, dates, sizes and flags in different orders.</summary>
    private async Task FillInboxAsync()
    {
        var messages = new (string Subject, string From, int Days, int Lines, MessageFlags Flags)[]
        {
            ("Re: Budget", "Zed <zed@example.org>", 3, 5, MessageFlags.None),
            ("agenda", "Amy <amy@example.org>", 1, 50, MessageFlags.Seen),
            ("Minutes", "bob@example.org", 5, 1, MessageFlags.Seen | MessageFlags.Flagged),
            ("budget", "Carl <carl@example.org>", 2, 20, MessageFlags.None),
            ("Zoo trip", "Amy <amy@example.org>", 4, 10, MessageFlags.None),
        };
        foreach (var m in messages)
        {
            var body = string.Join("\r\n", Enumerable.Repeat("line", m.Lines));
            await _ximss.AppendAsync("alice@example.com", "INBOX", m.Flags,
                XimssHarness.Message(m.Subject, from: m.From, body: body, date: XimssHarness.BaseDate.AddDays(m.Days)));
        }
    }

    [Fact]
    public async Task OpeningAnswersTheFolderCountersAndRights()
    {
        await FillInboxAsync();

        var reply = await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"><field>FLAGS</field></folderOpen>");

        Assert.Matches("^<folderReport id=\"o\" folder=\"INBOX-MM-1\" mode=\"init\" messages=\"5\" unseen=\"3\" UIDValidity=\"\\d+\" UIDMin=\"1\" UIDNext=\"6\" rights=\"lrswipcda\"/>$", reply[0]);
        Assert.Equal("<response id=\"o\"/>", reply[1]);
        Assert.Equal(["<response id=\"o\" errorText=\"folder has already been opened\" errorNum=\"522\"/>"],
            await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"/>"));
        Assert.Equal(["<response id=\"c\"/>"], await _ximss.SendAsync(_alice, "<folderClose id=\"c\" folder=\"INBOX-MM-1\"/>"));
        Assert.Equal(["<response id=\"c\" errorText=\"folder has not been opened\" errorNum=\"523\"/>"], await _ximss.SendAsync(_alice, "<folderClose id=\"c\" folder=\"INBOX-MM-1\"/>"));
    }

    [Theory]
    [InlineData("INTERNALDATE", "asc", new uint[] { 1, 2, 3, 4, 5 })]
    [InlineData("INTERNALDATE", "desc", new uint[] { 5, 4, 3, 2, 1 })]
    [InlineData("Date", "asc", new uint[] { 2, 4, 1, 5, 3 })]
    [InlineData("Subject", "asc", new uint[] { 2, 1, 4, 3, 5 })]
    [InlineData("Subject", "desc", new uint[] { 5, 3, 4, 1, 2 })]
    [InlineData("From", "asc", new uint[] { 2, 5, 3, 4, 1 })]
    [InlineData("To", "asc", new uint[] { 1, 2, 3, 4, 5 })]
    [InlineData("SIZE", "desc", new uint[] { 2, 4, 5, 1, 3 })]
    [InlineData("X-Missing", "asc", new uint[] { 1, 2, 3, 4, 5 })]
    public async Task BrowsingByIndexFollowsTheSortOrder(string field, string order, uint[] uids)
    {
        await FillInboxAsync();
        await _ximss.SendAsync(_alice, $"<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\" sortField=\"{field}\" sortOrder=\"{order}\"><field>UID</field></folderOpen>");

        var reply = await _ximss.SendAsync(_alice, "<folderBrowse id=\"b\" folder=\"F\"><index from=\"0\" till=\"99\"/></folderBrowse>");

        Assert.Equal(uids, reply.SkipLast(1).Select(Uid));
        Assert.Equal(Enumerable.Range(0, 5), reply.SkipLast(1).Select(r => int.Parse(IndexAttribute().Match(r).Groups[1].Value)));
    }

    [Fact]
    public async Task BrowseReportsCarryTheRequestedFieldsUnderTheirRequestedNames()
    {
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.Seen | MessageFlags.Flagged, XimssHarness.Message("Café & cake",
            from: "\"Zoë\" <zoe@example.org>", to: "Alice <alice@example.com>, ops@example.net", extraHeaders: ["X-Priority: 1", "X-Color: red"]));
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\">"
            + "<field>FLAGS</field><field>E-From</field><field>Subject</field><field>Pty</field><field>INTERNALDATE</field><field>SIZE</field>"
            + "<field>E-To</field><field>E-Cc</field><field>X-Color</field><field>Date</field></folderOpen>");

        var reply = await _ximss.SendAsync(_alice, "<folderBrowse id=\"b\" folder=\"F\"><index from=\"0\" till=\"0\"/></folderBrowse>");

        Assert.Matches("^<folderReport id=\"b\" folder=\"F\" index=\"0\" UID=\"1\"><FLAGS>Seen,Flagged</FLAGS><E-From realName=\"Zoë\">zoe@example.org</E-From>"
            + "<Subject>Café &amp; cake</Subject><Pty>High</Pty><INTERNALDATE localTime=\"\\d{8}T\\d{6}\">20240501T120000Z</INTERNALDATE><SIZE>\\d+</SIZE>"
            + "<E-To realName=\"Alice\">alice@example.com</E-To><E-To>ops@example.net</E-To><X-Color>red</X-Color>"
            + "<Date localTime=\"\\d{8}T\\d{6}\" timeShift=\"-?\\d+\">20240501T120000Z</Date></folderReport>$", reply[0]);
    }

    [Fact]
    public async Task BrowsingByUidKeepsTheClientsOrderAndTakesRangesFromTheFolder()
    {
        await FillInboxAsync();
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\" sortField=\"Subject\"/>");

        var singles = await _ximss.SendAsync(_alice, "<folderBrowse id=\"b\" folder=\"F\"><UID>4</UID><uid>2</uid><UID>99</UID></folderBrowse>");
        var range = await _ximss.SendAsync(_alice, "<folderBrowse id=\"b\" folder=\"F\"><UID from=\"2\" till=\"4294967295\"/></folderBrowse>");

        Assert.Equal([4u, 2u], singles.SkipLast(1).Select(Uid));
        Assert.Equal(["index=\"2\"", "index=\"0\""], singles.SkipLast(1).Select(r => IndexAttribute().Match(r).Value));
        Assert.Equal([2u, 3u, 4u, 5u], range.SkipLast(1).Select(Uid));
    }

    [Fact]
    public async Task FiltersKeepMessagesByFlagsOrByText()
    {
        await FillInboxAsync();

        var unseen = await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"U\" mailbox=\"INBOX\" filter=\"Unseen\" filterField=\"FLAGS\"/>");
        var flagged = await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"Fl\" mailbox=\"INBOX\" filter=\"Seen,Flagged\" filterField=\"FLAGS\"/>");
        var amy = await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"A\" mailbox=\"INBOX\" filter=\"amy\"/>");
        var subject = await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"S\" mailbox=\"INBOX\" filter=\"budget\" filterField=\"Subject\"/>");

        Assert.Contains("messages=\"3\" unseen=\"3\"", unseen[0], StringComparison.Ordinal);
        Assert.Contains("messages=\"1\" unseen=\"0\"", flagged[0], StringComparison.Ordinal);
        Assert.Contains("messages=\"2\"", amy[0], StringComparison.Ordinal);
        Assert.Contains("messages=\"2\"", subject[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReopeningChangesOrderFilterAndFields()
    {
        await FillInboxAsync();
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\"><field>UID</field></folderOpen>");

        var reopened = await _ximss.SendAsync(_alice, "<folderReopen id=\"r\" folder=\"F\" sortField=\"Subject\" sortOrder=\"desc\" filter=\"Unseen\" filterField=\"FLAGS\"><field>Subject</field></folderReopen>");
        var rows = await _ximss.SendAsync(_alice, "<folderBrowse id=\"b\" folder=\"F\"><index from=\"0\" till=\"9\"/></folderBrowse>");

        Assert.Contains("mode=\"init\" messages=\"3\"", reopened[0], StringComparison.Ordinal);
        Assert.Equal(["Zoo trip", "budget", "Re: Budget"], rows.SkipLast(1).Select(r => SubjectElement().Match(r).Groups[1].Value));
        Assert.Equal(["<response id=\"r\" errorText=\"folder has not been opened\" errorNum=\"523\"/>"], await _ximss.SendAsync(_alice, "<folderReopen id=\"r\" folder=\"G\"/>"));
    }

    [Fact]
    public async Task SearchingAnswersMatchingUidsInTheFoldersOrder()
    {
        await FillInboxAsync();
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("Report", body: "The zeppelin lands at noon."));
        await _ximss.SendAsync(_alice, "<folderOpen id=\"o\" folder=\"F\" mailbox=\"INBOX\" sortField=\"INTERNALDATE\" sortOrder=\"desc\"/>");

        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"><UID>6</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"BODY zeppelin\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"><UID>4</UID><UID>1</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"SUBJECT budget\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"><UID>3</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"FLAGGED SEEN\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\" more=\"yes\"><UID>6</UID><UID>5</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"ALL\" limit=\"2\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"><UID>5</UID><UID>2</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"OR FROM amy NOT UNSEEN UID 1:2,5\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"><UID>6</UID><UID>2</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"OR LARGER 400 BODY zeppelin NOT SUBJECT budget NOT SUBJECT minutes NOT SUBJECT zoo\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"><UID>5</UID><UID>3</UID></folderSearch>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"SENTSINCE 5-May-2024\"/>"));
        Assert.Equal(["<folderSearch id=\"s\" folder=\"F\"/>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(_alice, "<folderSearch id=\"s\" folder=\"F\" filter=\"SINCE 1-Jan-2030\"/>"));
    }

    [Fact]
    public async Task ThousandsOfMessagesSortEveryWayAndPageFromTheEnd()
    {
        var random = new Random(7);
        var words = new[] { "alpha", "beta", "gamma", "delta", "epsilon" };
        var messages = Enumerable.Range(0, 2000).Select(i => XimssHarness.Message($"{words[random.Next(5)]} {i:D4}",
            from: $"{words[random.Next(5)]} <u{i}@example.org>", date: XimssHarness.BaseDate.AddHours(-random.Next(10000)), body: new string('x', random.Next(2000)))).ToArray();
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, messages);

        foreach (var field in new[] { "INTERNALDATE", "Date", "Subject", "From", "SIZE", "Cc" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var folder = field + order;
                await _ximss.SendAsync(_alice, $"<folderOpen id=\"o\" folder=\"{folder}\" mailbox=\"INBOX\" sortField=\"{field}\" sortOrder=\"{order}\"><field>UID</field></folderOpen>");
                var page = await _ximss.SendAsync(_alice, $"<folderBrowse id=\"b\" folder=\"{folder}\"><index from=\"1990\" till=\"2009\"/></folderBrowse>");
                Assert.Equal(10, page.Count - 1);
                Assert.Equal(Enumerable.Range(1990, 10), page.SkipLast(1).Select(r => int.Parse(IndexAttribute().Match(r).Groups[1].Value)));
                await _ximss.SendAsync(_alice, $"<folderClose id=\"c\" folder=\"{folder}\"/>");
            }
        }
    }

    private static uint Uid(string report) => uint.Parse(UidAttribute().Match(report).Groups[1].Value);

    [GeneratedRegex(" UID=\"(\\d+)\"")]
    private static partial Regex UidAttribute();

    [GeneratedRegex("index=\"(\\d+)\"")]
    private static partial Regex IndexAttribute();

    [GeneratedRegex("<Subject>([^<]*)</Subject>")]
    private static partial Regex SubjectElement();
}
