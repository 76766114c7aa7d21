using Postern.Storage;

namespace Postern.Storage.Tests;

/// <summary>Lending a message's bytes as memory (<see cref="IMessageRepository.LeaseContentAsync"/>).</summary>
public abstract partial class StoreContractTests
{
    /// <summary>Lines enough for a message of about 380 KB, which backends may lend differently from small ones.</summary>
    protected const int LargeMessageLines = 20_000;

    [Theory]
    [InlineData(3)]
    [InlineData(LargeMessageLines)]
    public async Task ALeaseLendsExactlyTheBytesThatWereAppended(int bodyLines)
    {
        var mailbox = await CreateMailboxAsync();
        var messages = new[] { TestMessages.Create("before"), TestMessages.Create("leased", bodyLines: bodyLines), TestMessages.Create("after") };
        await Store.Messages.AppendAsync(mailbox.Id, messages, Ct);

        using var lease = await Store.Messages.LeaseContentAsync(mailbox.Id, 2, Ct);

        Assert.Equal(messages[1].Content.ToArray(), lease.Content.ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(LargeMessageLines)]
    public async Task ADisposedLeaseNoLongerLendsItsBytes(int bodyLines)
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("leased", bodyLines: bodyLines)], Ct);
        var lease = await Store.Messages.LeaseContentAsync(mailbox.Id, 1, Ct);

        lease.Dispose();
        lease.Dispose();

        Assert.Throws<ObjectDisposedException>(() => lease.Content);
    }

    [Fact]
    public async Task LeasingAMessageThatDoesNotExistIsANotFoundError()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("one"), TestMessages.Create("two")], Ct);
        await Store.Messages.ExpungeAsync(mailbox.Id, [2], Ct);

        var expunged = await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.LeaseContentAsync(mailbox.Id, 2, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.LeaseContentAsync(mailbox.Id, 3, Ct));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Messages.LeaseContentAsync(mailbox.Id + 1000, 1, Ct));
        Assert.Contains("no message 2", expunged.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(LargeMessageLines)]
    public async Task ALeaseHeldWhileItsMessageIsExpungedStaysReadable(int bodyLines)
    {
        var mailbox = await CreateMailboxAsync();
        var message = TestMessages.Create("leased", bodyLines: bodyLines);
        await Store.Messages.AppendAsync(mailbox.Id, [message], Ct);
        using var lease = await Store.Messages.LeaseContentAsync(mailbox.Id, 1, Ct);

        await Store.Messages.ExpungeAsync(mailbox.Id, [1], Ct);
        await Store.Maintenance.CompactAsync(0, Ct);

        Assert.Equal(message.Content.ToArray(), lease.Content.ToArray());
    }
}
