using Postern.Storage;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations.Mail;

/// <summary>Changes reach open folders as one <c>notify</c> per burst, folderSync brings the delta, and mailbox reports follow counters.</summary>
public class FolderNotificationTests : IAsyncLifetime
{
    private const string InboxNotify = "<folderReport folder=\"INBOX-MM-1\" mode=\"notify\"/>";

    private XimssHarness _ximss = null!;

    public async Task InitializeAsync() => _ximss = await XimssHarness.CreateAsync();

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    [Fact]
    public async Task ABurstOfDeliveriesGivesOneNotifyAndTheSyncBringsEveryNewMessage()
    {
        var (alice, sink, _) = await _ximss.SessionAsync();
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\" sortField=\"INTERNALDATE\" sortOrder=\"desc\"><field>FLAGS</field><field>Subject</field></folderOpen>");
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"D\" mailbox=\"Drafts\"/>");

        for (var i = 0; i < 3; i++)
            await _ximss.DeliverAsync("alice@example.com", XimssHarness.Message($"news {i}"));
        await sink.WaitForAsync(m => m == InboxNotify);
        // A later change elsewhere, once announced, shows that the notifier has passed every delivery.
        await _ximss.AppendAsync("alice@example.com", "Drafts", MessageFlags.Draft, XimssHarness.Message("draft"));
        await sink.WaitForAsync(m => m.Contains("folder=\"D\"", StringComparison.Ordinal));
        await _ximss.SendAsync(alice, "<noop id=\"n\"/>");

        Assert.Single(sink.Messages, m => m == InboxNotify);
        var sync = await _ximss.SendAsync(alice, "<folderSync id=\"s\" folder=\"INBOX-MM-1\"/>");
        XimssAssert.Messages(
            ["<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"0\" UID=\"3\" mode=\"added\" messages=\"3\" unseen=\"3\"><FLAGS>Recent</FLAGS><Subject>news 2</Subject></folderReport>",
             "<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"1\" UID=\"2\" mode=\"added\" messages=\"3\" unseen=\"3\"><FLAGS>Recent</FLAGS><Subject>news 1</Subject></folderReport>",
             "<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"2\" UID=\"1\" mode=\"added\" messages=\"3\" unseen=\"3\"><FLAGS>Recent</FLAGS><Subject>news 0</Subject></folderReport>",
             "<response id=\"s\"/>"], sync);

        await _ximss.DeliverAsync("alice@example.com", XimssHarness.Message("later"));
        await sink.WaitForAsync(m => sink.Messages.Count(n => n == InboxNotify) == 2);
    }

    [Fact]
    public async Task OwnChangesComeBackThroughNotifyAndSyncAsUpdatesAndRemovals()
    {
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("a"), XimssHarness.Message("b"), XimssHarness.Message("c"));
        var (alice, sink, _) = await _ximss.SessionAsync();
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"><field>FLAGS</field></folderOpen>");

        Assert.Equal(["<response id=\"m\"/>"], await _ximss.SendAsync(alice, "<messageMark id=\"m\" folder=\"INBOX-MM-1\" flags=\"Seen,Flagged,$Work\"><UID>2</UID></messageMark>"));
        await sink.WaitForAsync(m => m == InboxNotify);
        var marked = await _ximss.SendAsync(alice, "<folderSync id=\"s\" folder=\"INBOX-MM-1\"/>");
        await _ximss.SendAsync(alice, "<messageMark id=\"m\" folder=\"INBOX-MM-1\" flags=\"Deleted\"><UID from=\"1\" till=\"3\"/></messageMark>");
        await _ximss.SendAsync(alice, "<messageMark id=\"m\" folder=\"INBOX-MM-1\" flags=\"Undeleted\"><UID>3</UID></messageMark>");
        await _ximss.SendAsync(alice, "<folderExpunge id=\"e\" folder=\"INBOX-MM-1\"/>");
        await sink.WaitForAsync(m => sink.Messages.Count(n => n == InboxNotify) == 2);
        var expunged = await _ximss.SendAsync(alice, "<folderSync id=\"s\" folder=\"INBOX-MM-1\"/>");

        XimssAssert.Messages(["<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"1\" UID=\"2\" mode=\"updated\" messages=\"3\" unseen=\"2\"><FLAGS>Seen,Flagged,$Work</FLAGS></folderReport>", "<response id=\"s\"/>"], marked);
        XimssAssert.Messages(
            ["<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"1\" UID=\"2\" mode=\"removed\" messages=\"1\" unseen=\"1\"/>",
             "<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"0\" UID=\"1\" mode=\"removed\" messages=\"1\" unseen=\"1\"/>",
             // Flagged Deleted and back: a change, though its flags end as they were.
             "<folderReport id=\"s\" folder=\"INBOX-MM-1\" index=\"0\" UID=\"3\" mode=\"updated\" messages=\"1\" unseen=\"1\"><FLAGS/></folderReport>",
             "<response id=\"s\"/>"], expunged);
        Assert.Equal([3u], (await _ximss.MessagesAsync("alice@example.com", "INBOX")).Select(m => m.Uid));
    }

    [Fact]
    public async Task AnotherSessionsChangeReachesEveryFolderOnTheMailbox()
    {
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("a"));
        var (first, firstSink, _) = await _ximss.SessionAsync();
        var (second, _, _) = await _ximss.SessionAsync();
        await _ximss.SendAsync(first, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"/>");
        await _ximss.SendAsync(first, "<folderOpen id=\"o\" folder=\"unseen\" mailbox=\"INBOX\" filter=\"Unseen\" filterField=\"FLAGS\"/>");
        await _ximss.SendAsync(second, "<folderOpen id=\"o\" folder=\"mine\" mailbox=\"INBOX\"/>");

        await _ximss.SendAsync(second, "<messageMark id=\"m\" folder=\"mine\" flags=\"Read\"><UID>1</UID></messageMark>");

        await firstSink.WaitForAsync(m => m == InboxNotify);
        await firstSink.WaitForAsync(m => m == "<folderReport folder=\"unseen\" mode=\"notify\"/>");
        Assert.Equal(["<folderReport id=\"s\" folder=\"unseen\" index=\"0\" UID=\"1\" mode=\"removed\" messages=\"0\" unseen=\"0\"/>", "<response id=\"s\"/>"],
            await _ximss.SendAsync(first, "<folderSync id=\"s\" folder=\"unseen\"/>"));
    }

    [Fact]
    public async Task ASyncCutShortByItsLimitIsFollowedByAnotherNotify()
    {
        var (alice, sink, _) = await _ximss.SessionAsync();
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"/>");
        await _ximss.AppendAsync("alice@example.com", "INBOX", MessageFlags.None, XimssHarness.Message("a"), XimssHarness.Message("b"), XimssHarness.Message("c"));
        await sink.WaitForAsync(m => m == InboxNotify);

        var first = await _ximss.SendAsync(alice, "<folderSync id=\"s\" folder=\"INBOX-MM-1\" limit=\"2\"/>");
        await sink.WaitForAsync(m => sink.Messages.Count(n => n == InboxNotify) == 2);
        var rest = await _ximss.SendAsync(alice, "<folderSync id=\"s\" folder=\"INBOX-MM-1\" limit=\"2\"/>");

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.Contains("UID=\"3\" mode=\"added\"", rest[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportMailboxChangesSendsTheNewCountersOfAChangedMailbox()
    {
        var (alice, sink, _) = await _ximss.SessionAsync();
        Assert.Equal(["<response id=\"o\"/>"], await _ximss.SendAsync(alice, "<setSessionOption id=\"o\" name=\"reportMailboxChanges\" value=\"yes\"/>"));

        await _ximss.DeliverAsync("alice@example.com", XimssHarness.Message("hello"));

        var report = await sink.WaitForAsync(m => m.StartsWith("<mailbox ", StringComparison.Ordinal));
        Assert.Matches("^<mailbox mailbox=\"INBOX\" Messages=\"1\" Size=\"\\d+\" Unseen=\"1\" Recent=\"1\" UIDNext=\"2\" ", report);
        await _ximss.SendAsync(alice, "<setSessionOption id=\"o\" name=\"reportMailboxChanges\" value=\"no\"/>");
        await _ximss.SendAsync(alice, "<mailboxCreate id=\"c\" mailbox=\"Quiet\"/>");
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"Q\" mailbox=\"Quiet\"/>");
        await _ximss.AppendAsync("alice@example.com", "Quiet", MessageFlags.None, XimssHarness.Message("q"));
        await sink.WaitForAsync(m => m == "<folderReport folder=\"Q\" mode=\"notify\"/>");
        Assert.DoesNotContain(sink.Messages, m => m.Contains("mailbox=\"Quiet\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClosedFolderHearsNothingAndEndingTheSessionLeavesNoWatch()
    {
        var (alice, sink, session) = await _ximss.SessionAsync();
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"INBOX-MM-1\" mailbox=\"INBOX\"/>");
        await _ximss.SendAsync(alice, "<folderClose id=\"c\" folder=\"INBOX-MM-1\"/>");
        await _ximss.SendAsync(alice, "<folderOpen id=\"o\" folder=\"D\" mailbox=\"Drafts\"/>");

        await _ximss.DeliverAsync("alice@example.com", XimssHarness.Message("unheard"));
        await _ximss.AppendAsync("alice@example.com", "Drafts", MessageFlags.None, XimssHarness.Message("heard"));
        await sink.WaitForAsync(m => m == "<folderReport folder=\"D\" mode=\"notify\"/>");
        await _ximss.SendAsync(alice, "<bye id=\"b\"/>");

        Assert.DoesNotContain(InboxNotify, sink.Messages);
        Assert.True(session.HasEnded);
        Assert.Equal(0, _ximss.Get<Postern.Mail.Changes.MailNotifications>().ActiveWatches);
    }
}
