using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Mail.Changes;
using Postern.Mail.Delivery;
using Postern.Mail.Mailboxes;
using Postern.Storage;

namespace Postern.Mail.Tests.Changes;

public class MailNotificationsTests : MailContext
{
    private ChangeNotifier _notifier = null!;
    private MailNotifications _notifications = null!;
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _notifier = new ChangeNotifier(Store, NullLogger<ChangeNotifier>.Instance);
        _notifications = new MailNotifications(_notifier, NullLogger<MailNotifications>.Instance);
        _running = _notifier.RunAsync(await Store.Changes.GetLatestSequenceAsync(Ct), _stop.Token);
    }

    public override async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _notifications.Dispose();
        _stop.Dispose();
        await base.DisposeAsync();
    }

    private static async Task<StoreChange> NextAsync(Channel<StoreChange> channel)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// Waits until the notifier has dispatched everything committed so far (a marker change of another
    /// account), so that a watch started afterwards hears only what the test does next.
    /// </summary>
    private async Task DrainAsync()
    {
        var marker = Channel.CreateUnbounded<StoreChange>();
        using var all = _notifier.SubscribeAll(change => marker.Writer.TryWrite(change));
        var other = await CreateAccountAsync($"marker{Guid.NewGuid():N}"[..14] + "@example.com");
        while ((await NextAsync(marker)).AccountId != other.Id)
        {
        }
    }

    [Fact]
    public async Task AWatchedFolderHearsOfChangesByAnotherProcess()
    {
        var alice = await CreateUserAsync();
        var inbox = await MailboxAsync(alice);
        await DrainAsync();
        var folder = Channel.CreateUnbounded<StoreChange>();
        using var watch = _notifications.Watch(alice, c => folder.Writer.TryWrite(c), _ => { });
        watch.WatchMailbox(inbox.Id);

        await using (var cli = await OpenStoreAsync())
        {
            var resolver = new RecipientResolver(cli, new Accounts.DomainService(cli));
            await new LocalDelivery(cli, resolver, new Accounts.DomainService(cli), TimeProvider.System)
                .DeliverAsync("alice@example.com", TestMail.Message("from the CLI"), new DeliveryEnvelope("", "cli", "LOCAL"), Ct);
        }

        var change = await NextAsync(folder);
        Assert.Equal((StoreChangeKind.MessagesAdded, inbox.Id), (change.Kind, change.MailboxId));
    }

    [Fact]
    public async Task MailboxLevelChangesAreReportedOnlyWhileAsked()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var mailboxLevel = Channel.CreateUnbounded<StoreChange>();
        using var watch = _notifications.Watch(alice, _ => { }, c => mailboxLevel.Writer.TryWrite(c));

        await Mailboxes.CreateAsync(alice, "Before", "", Ct);
        await DrainAsync();
        watch.ReportMailboxChanges = true;
        await Mailboxes.CreateAsync(bob, "Bobs", "", Ct);
        var created = await Mailboxes.CreateAsync(alice, "After", "", Ct);
        await AppendAsync(alice, "INBOX", TestMail.Message("counted"));

        var first = await NextAsync(mailboxLevel);
        var second = await NextAsync(mailboxLevel);
        Assert.Equal((StoreChangeKind.MailboxCreated, created.Id), (first.Kind, first.MailboxId));
        Assert.Equal((StoreChangeKind.MessagesAdded, (await MailboxAsync(alice)).Id), (second.Kind, second.MailboxId));
        watch.ReportMailboxChanges = false;
        await Mailboxes.CreateAsync(alice, "Later", "", Ct);
        await DrainAsync();
        Assert.False(mailboxLevel.Reader.TryRead(out _));
    }

    [Fact]
    public async Task AWatchedMailboxOfAnotherAccountReportsToTheFolderAndAtMailboxLevel()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var bobsInbox = await MailboxAsync(bob);
        await Mailboxes.SetRightsAsync(bobsInbox.Record, "alice@example.com", MailboxRightsText.Parse("lr"), Ct);
        await DrainAsync();
        var folder = Channel.CreateUnbounded<StoreChange>();
        var mailboxLevel = Channel.CreateUnbounded<StoreChange>();
        using var watch = _notifications.Watch(alice, c => folder.Writer.TryWrite(c), c => mailboxLevel.Writer.TryWrite(c));
        watch.ReportMailboxChanges = true;
        watch.WatchMailbox(bobsInbox.Id);

        await AppendAsync(bob, "INBOX", TestMail.Message("shared"));

        Assert.Equal(bobsInbox.Id, (await NextAsync(folder)).MailboxId);
        Assert.Equal(bobsInbox.Id, (await NextAsync(mailboxLevel)).MailboxId);
    }

    [Fact]
    public async Task WatchesCountFoldersAndLeaveNothingBehindWhenDisposed()
    {
        var alice = await CreateUserAsync();
        var inbox = await MailboxAsync(alice);
        await DrainAsync();
        var heard = 0;
        var failing = _notifications.Watch(alice, _ => throw new InvalidOperationException("a broken session"), _ => { });
        failing.WatchMailbox(inbox.Id);
        var watch = _notifications.Watch(alice, _ => Interlocked.Increment(ref heard), _ => { });
        watch.WatchMailbox(inbox.Id);
        watch.WatchMailbox(inbox.Id);
        watch.ReportMailboxChanges = true;

        watch.UnwatchMailbox(inbox.Id);
        await AppendAsync(alice, "INBOX", TestMail.Message("one folder still open"));
        await DrainAsync();
        Assert.Equal(1, heard);

        watch.UnwatchMailbox(inbox.Id);
        await AppendAsync(alice, "INBOX", TestMail.Message("no folder open"));
        await DrainAsync();
        Assert.Equal(1, heard);

        Assert.Equal(2, _notifications.ActiveWatches);
        watch.Dispose();
        failing.Dispose();
        watch.WatchMailbox(inbox.Id);
        Assert.Equal(0, _notifications.ActiveWatches);
    }
}
