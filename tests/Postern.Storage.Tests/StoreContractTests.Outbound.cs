using System.Text;
using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task QueuedMessagesKeepTheirEnvelopeStatusAndBytesUntilRemoved()
    {
        var (_, account) = await CreateAccountAsync();
        var content = Encoding.ASCII.GetBytes("Subject: out\r\n\r\nbody\r\n");

        var first = await Store.Outbound.EnqueueAsync(new NewOutboundMessage(
            account.Id, "alice@example.com", ["x@remote.example", "y@remote.example"], content, RequestDsn: true, "held"), Ct);
        var second = await Store.Outbound.EnqueueAsync(new NewOutboundMessage(null, "", ["z@remote.example"], content, false, "held"), Ct);

        Assert.Equal([first.Id, second.Id], (await Store.Outbound.ListAsync(Ct)).Select(e => e.Id));
        var stored = await Store.Outbound.GetAsync(first.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(account.Id, stored.AccountId);
        Assert.Equal("alice@example.com", stored.Sender);
        Assert.Equal(["x@remote.example", "y@remote.example"], stored.Recipients);
        Assert.Equal(content.Length, stored.Size);
        Assert.True(stored.RequestDsn);
        Assert.Equal("held", stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LastError);
        await using (var bytes = await Store.Outbound.OpenContentAsync(first.Id, Ct))
            Assert.Equal(content, await TestMessages.ReadAllAsync(bytes!));

        Assert.True(await Store.Outbound.RemoveAsync(first.Id, Ct));
        Assert.False(await Store.Outbound.RemoveAsync(first.Id, Ct));
        Assert.Null(await Store.Outbound.GetAsync(first.Id, Ct));
        Assert.Null(await Store.Outbound.OpenContentAsync(first.Id, Ct));
        Assert.Equal([second.Id], (await Store.Outbound.ListAsync(Ct)).Select(e => e.Id));
    }
}
