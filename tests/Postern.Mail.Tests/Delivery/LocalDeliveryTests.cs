using Postern.Accounts;
using Postern.Mail.Delivery;
using System.Text;
using Postern.Mime;
using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Tests.Delivery;

public class LocalDeliveryTests : MailContext
{
    private static readonly DeliveryEnvelope s_envelope = new("sender@remote.example", "mx.remote.example", "ESMTP");

    [Fact]
    public async Task DeliveryStoresTheMessageInInboxAsRecentWithTraceFieldsOnTop()
    {
        var alice = await CreateUserAsync();
        var original = TestMail.Message("Welcome");

        var result = await Delivery.DeliverAsync("Alice@Example.com", original, s_envelope, Ct);

        Assert.Equal(AccountName.Parse("alice@example.com"), result.Recipient);
        var inbox = await MailboxAsync(alice);
        Assert.Equal(inbox.Id, result.MailboxId);
        var stored = (await Store.Messages.GetAsync(inbox.Id, [result.Uid], Ct)).Single();
        Assert.Equal(MessageFlags.Recent, stored.Flags);
        await using var content = await Store.Messages.OpenContentAsync(inbox.Id, result.Uid, Ct);
        var bytes = await TestMail.ReadAllAsync(content!);
        var text = TestMail.Text(bytes);
        Assert.EndsWith(TestMail.Text(original), text, StringComparison.Ordinal);
        var headers = MimeMessage.Parse(bytes).Headers;
        Assert.Equal("Return-Path", headers[0].Name);
        Assert.Equal("<sender@remote.example>", headers[0].GetText());
        Assert.Equal("Received", headers[1].Name);
        Assert.StartsWith("from mx.remote.example by example.com with ESMTP for <Alice@Example.com>; ", headers[1].GetText(), StringComparison.Ordinal);
        Assert.True(MailDate.TryParse(Encoding.ASCII.GetBytes(headers[1].GetText().Split("; ")[1]), out _));
        Assert.Equal("Welcome", MimeMessage.Parse(bytes).Subject);
    }

    [Fact]
    public async Task AliasesOfAccountsAndDomainsReachTheAccount()
    {
        var alice = await CreateUserAsync();
        await Accounts.AddAliasAsync(alice.Account, "ally", Ct);
        await Domains.AddAliasAsync((await Domains.GetAsync("example.com", Ct)), "example.net", Ct);

        await Delivery.DeliverAsync("ally@example.net", TestMail.Message("via aliases"), s_envelope, Ct);

        Assert.Equal(1, (await MailboxAsync(alice)).Record.MessageCount);
    }

    [Theory]
    [InlineData("nobody@example.com", MailErrorCode.UnknownRecipient)]
    [InlineData("bad name!@example.com", MailErrorCode.UnknownRecipient)]
    [InlineData("@example.com", MailErrorCode.InvalidAddress)]
    [InlineData("someone@remote.example", MailErrorCode.InvalidAddress)]
    [InlineData("not an address", MailErrorCode.InvalidAddress)]
    [InlineData("a@example.com, b@example.com", MailErrorCode.InvalidAddress)]
    public async Task DeliveryRefusesAddressesThatAreNotLocalAccounts(string address, MailErrorCode code)
    {
        await CreateUserAsync();

        var error = await Assert.ThrowsAsync<MailException>(() => Delivery.DeliverAsync(address, TestMail.Message("x"), s_envelope, Ct));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task ALostInboxIsCreatedAgain()
    {
        var alice = await CreateUserAsync();
        await Store.Mailboxes.DeleteAsync((await MailboxAsync(alice)).Id, Ct);

        await Delivery.DeliverAsync("alice@example.com", TestMail.Message("x"), s_envelope, Ct);

        Assert.Equal(1, (await MailboxAsync(alice)).Record.MessageCount);
    }
}
