using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Postern.Mail.Changes;
using Postern.Storage;

namespace Postern.Mail.Tests.Changes;

public class ChangeNotifierTests : MailContext
{
    [Fact]
    public async Task ChangeByAnotherProcessReachesTheAccountsSubscriber()
    {
        var alice = await CreateAccountAsync();
        var bob = await CreateAccountAsync("bob@example.com");
        var notifier = new ChangeNotifier(Store, NullLogger<ChangeNotifier>.Instance);
        var received = Channel.CreateUnbounded<StoreChange>();
        using var subscription = notifier.Subscribe(alice.Id, change => received.Writer.TryWrite(change));
        using var stop = new CancellationTokenSource();
        var running = notifier.RunAsync(await Store.Changes.GetLatestSequenceAsync(Ct), stop.Token);

        await using (var otherProcess = await OpenStoreAsync())
        {
            await otherProcess.Mailboxes.CreateAsync(bob.Id, "Bob's", "", Ct);
            await otherProcess.Mailboxes.CreateAsync(alice.Id, "Alice's", "", Ct);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var change = await received.Reader.ReadAsync(timeout.Token);
        Assert.Equal(StoreChangeKind.MailboxCreated, change.Kind);
        Assert.Equal(alice.Id, change.AccountId);
        Assert.Equal((await Mailboxes.GetAsync(alice, "Alice's", Ct)).Id, change.MailboxId);
        Assert.False(received.Reader.TryRead(out _));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task DisposedSubscriptionHearsNothingAndAFailingHandlerDoesNotStopOthers()
    {
        var alice = await CreateAccountAsync();
        var notifier = new ChangeNotifier(Store, NullLogger<ChangeNotifier>.Instance);
        var silenced = 0;
        var everything = Channel.CreateUnbounded<StoreChange>();
        notifier.Subscribe(alice.Id, _ => Interlocked.Increment(ref silenced)).Dispose();
        using var failing = notifier.Subscribe(alice.Id, _ => throw new InvalidOperationException("buggy session"));
        using var all = notifier.SubscribeAll(change => everything.Writer.TryWrite(change));
        using var stop = new CancellationTokenSource();
        var running = notifier.RunAsync(await Store.Changes.GetLatestSequenceAsync(Ct), stop.Token);

        await Mailboxes.CreateAsync(alice, "One", "", Ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await everything.Reader.ReadAsync(timeout.Token);

        Assert.Equal(0, silenced);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task AnUnexpectedFailureReadingTheFeedIsLoggedAndTheNotifierKeepsFollowingIt()
    {
        var alice = await CreateAccountAsync();
        var notifier = new ChangeNotifier(new StoreWithFlakyFeed(Store), NullLogger<ChangeNotifier>.Instance);
        var received = Channel.CreateUnbounded<StoreChange>();
        using var subscription = notifier.Subscribe(alice.Id, change => received.Writer.TryWrite(change));
        using var stop = new CancellationTokenSource();
        var running = notifier.RunAsync(await Store.Changes.GetLatestSequenceAsync(Ct), stop.Token);

        await Mailboxes.CreateAsync(alice, "After the failure", "", Ct);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(StoreChangeKind.MailboxCreated, (await received.Reader.ReadAsync(timeout.Token)).Kind);
        await stop.CancelAsync();
        await running;
    }

    /// <summary>The store, except that its change feed's first read fails with an error that is not the store's own.</summary>
    private sealed class StoreWithFlakyFeed(IStore inner) : IStore
    {
        public IDomainRepository Domains => inner.Domains;
        public IAccountRepository Accounts => inner.Accounts;
        public IMailboxRepository Mailboxes => inner.Mailboxes;
        public IMessageRepository Messages => inner.Messages;
        public IAlertRepository Alerts => inner.Alerts;
        public IServerSettingsRepository ServerSettings => inner.ServerSettings;
        public IOutboundQueue Outbound => inner.Outbound;
        public IChangeFeed Changes { get; } = new FlakyFeed(inner.Changes);
        public Postern.Storage.Files.IFileStore Files => inner.Files;
        public IStoreMaintenance Maintenance => inner.Maintenance;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class FlakyFeed(IChangeFeed inner) : IChangeFeed
        {
            private int _reads;

            public Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken) => inner.GetLatestSequenceAsync(cancellationToken);

            public Task<IReadOnlyList<StoreChange>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref _reads) == 1
                    ? throw new InvalidOperationException("the database driver failed")
                    : inner.ReadAsync(afterSequence, limit, cancellationToken);

            public Task WaitAsync(long afterSequence, CancellationToken cancellationToken) => inner.WaitAsync(afterSequence, cancellationToken);

            public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => inner.PruneAsync(olderThan, cancellationToken);
        }
    }
}
