using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task CreatedDomainIsFoundByNameAndById()
    {
        var created = await Store.Domains.CreateAsync("example.com", Ct);

        Assert.Equal(created, await Store.Domains.FindAsync("example.com", Ct));
        Assert.Equal(created, await Store.Domains.GetAsync(created.Id, Ct));
        Assert.Equal("{}", created.Settings);
        Assert.Null(await Store.Domains.FindAsync("example.org", Ct));
    }

    [Fact]
    public async Task CreatingAnExistingDomainIsAConflict()
    {
        await Store.Domains.CreateAsync("example.com", Ct);

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Domains.CreateAsync("example.com", Ct));
    }

    [Fact]
    public async Task DomainsAreListedByName()
    {
        await Store.Domains.CreateAsync("b.example", Ct);
        await Store.Domains.CreateAsync("a.example", Ct);

        Assert.Equal(["a.example", "b.example"], (await Store.Domains.ListAsync(Ct)).Select(d => d.Name));
    }

    [Fact]
    public async Task DomainAliasFindsTheDomainAndSharesItsNameSpace()
    {
        var domain = await Store.Domains.CreateAsync("example.com", Ct);
        var other = await Store.Domains.CreateAsync("example.org", Ct);

        await Store.Domains.AddAliasAsync(domain.Id, "mail.example.com", Ct);

        Assert.Equal(domain.Id, (await Store.Domains.FindAsync("mail.example.com", Ct))!.Id);
        Assert.Equal(["mail.example.com"], await Store.Domains.ListAliasesAsync(domain.Id, Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Domains.AddAliasAsync(other.Id, "mail.example.com", Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Domains.AddAliasAsync(other.Id, "example.com", Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Domains.CreateAsync("mail.example.com", Ct));

        Assert.True(await Store.Domains.RemoveAliasAsync(domain.Id, "mail.example.com", Ct));
        Assert.False(await Store.Domains.RemoveAliasAsync(domain.Id, "mail.example.com", Ct));
        Assert.Null(await Store.Domains.FindAsync("mail.example.com", Ct));
    }

    [Fact]
    public async Task AliasOfAMissingDomainIsNotFound()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Domains.AddAliasAsync(12345, "x.example", Ct));
    }

    [Fact]
    public async Task DomainSettingsAndDefaultPrefsAreStored()
    {
        var domain = await Store.Domains.CreateAsync("example.com", Ct);

        await Store.Domains.SetSettingsAsync(domain.Id, "{MaxAccounts=#10;}", Ct);
        await Store.Domains.SetDefaultPrefsAsync(domain.Id, "{Language=german;}", Ct);

        var reloaded = await Store.Domains.GetAsync(domain.Id, Ct);
        Assert.Equal("{MaxAccounts=#10;}", reloaded!.Settings);
        Assert.Equal("{Language=german;}", reloaded.DefaultPrefs);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Domains.SetSettingsAsync(12345, "{}", Ct));
    }

    [Fact]
    public async Task DeletingADomainRemovesItsAccountsAndMailboxes()
    {
        var mailbox = await CreateMailboxAsync();
        var domain = (await Store.Domains.FindAsync("example.com", Ct))!;
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("hello")], Ct);

        Assert.True(await Store.Domains.DeleteAsync(domain.Id, Ct));

        Assert.Null(await Store.Domains.GetAsync(domain.Id, Ct));
        Assert.Null(await Store.Accounts.GetAsync(mailbox.AccountId, Ct));
        Assert.Null(await Store.Mailboxes.GetAsync(mailbox.Id, Ct));
        Assert.False(await Store.Domains.DeleteAsync(domain.Id, Ct));
    }
}
