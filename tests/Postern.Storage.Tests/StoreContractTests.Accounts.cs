using Postern.Storage;

namespace Postern.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task CreatedAccountKeepsEveryField()
    {
        var domain = await Store.Domains.CreateAsync("example.com", Ct);
        var credentials = new AccountCredentials("$pbkdf2-sha512$1000$c2FsdA$aGFzaA", [9, 8, 7]);

        var created = await Store.Accounts.CreateAsync(new NewAccount(domain.Id, "alice", "Alice Example", credentials, "{Quota=100M;}"), Ct);

        var found = await Store.Accounts.FindAsync(domain.Id, "alice", Ct);
        Assert.NotNull(found);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal("Alice Example", found.RealName);
        Assert.Equal(credentials.PasswordHash, found.Credentials.PasswordHash);
        Assert.Equal(credentials.CramMd5Secret, found.Credentials.CramMd5Secret);
        Assert.Equal("{Quota=100M;}", found.Settings);
        Assert.Equal("{}", found.Prefs);
    }

    [Fact]
    public async Task AccountWithoutCramSecretKeepsNull()
    {
        var domain = await Store.Domains.CreateAsync("example.com", Ct);

        var created = await Store.Accounts.CreateAsync(new NewAccount(domain.Id, "bob", "", new AccountCredentials("h", null), "{}"), Ct);

        Assert.Null((await Store.Accounts.GetAsync(created.Id, Ct))!.Credentials.CramMd5Secret);
    }

    [Fact]
    public async Task AccountNamesAreUniquePerDomainOnly()
    {
        var (_, alice) = await CreateAccountAsync("alice", "example.com");
        var (otherDomain, otherAlice) = await CreateAccountAsync("alice", "example.org");

        Assert.NotEqual(alice.Id, otherAlice.Id);
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Accounts.CreateAsync(
            new NewAccount(otherDomain.Id, "alice", "", new AccountCredentials("h", null), "{}"), Ct));
    }

    [Fact]
    public async Task AccountInAMissingDomainIsNotFound()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Accounts.CreateAsync(
            new NewAccount(12345, "alice", "", new AccountCredentials("h", null), "{}"), Ct));
    }

    [Fact]
    public async Task AccountAliasFindsTheAccountAndSharesItsNameSpace()
    {
        var (domain, alice) = await CreateAccountAsync("alice");
        var (_, bob) = await CreateAccountAsync("bob");

        await Store.Accounts.AddAliasAsync(alice.Id, "al", Ct);

        Assert.Equal(alice.Id, (await Store.Accounts.FindAsync(domain.Id, "al", Ct))!.Id);
        Assert.Equal(["al"], await Store.Accounts.ListAliasesAsync(alice.Id, Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Accounts.AddAliasAsync(bob.Id, "al", Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Accounts.AddAliasAsync(bob.Id, "alice", Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => Store.Accounts.CreateAsync(
            new NewAccount(domain.Id, "al", "", new AccountCredentials("h", null), "{}"), Ct));

        Assert.True(await Store.Accounts.RemoveAliasAsync(alice.Id, "al", Ct));
        Assert.Null(await Store.Accounts.FindAsync(domain.Id, "al", Ct));
    }

    [Fact]
    public async Task AccountsAreListedByName()
    {
        var (domain, _) = await CreateAccountAsync("carol");
        await CreateAccountAsync("alice");
        await CreateAccountAsync("bob");

        Assert.Equal(["alice", "bob", "carol"], (await Store.Accounts.ListAsync(domain.Id, Ct)).Select(a => a.Name));
    }

    [Fact]
    public async Task AccountFieldsAreUpdatedOneByOne()
    {
        var (_, alice) = await CreateAccountAsync("alice");
        var credentials = new AccountCredentials("new-hash", null);

        await Store.Accounts.SetRealNameAsync(alice.Id, "Alice Liddell", Ct);
        await Store.Accounts.SetCredentialsAsync(alice.Id, credentials, Ct);
        await Store.Accounts.SetSettingsAsync(alice.Id, "{RealName=x;}", Ct);
        await Store.Accounts.SetPrefsAsync(alice.Id, "{Language=french;}", Ct);

        var reloaded = (await Store.Accounts.GetAsync(alice.Id, Ct))!;
        Assert.Equal("Alice Liddell", reloaded.RealName);
        Assert.Equal("new-hash", reloaded.Credentials.PasswordHash);
        Assert.Null(reloaded.Credentials.CramMd5Secret);
        Assert.Equal("{RealName=x;}", reloaded.Settings);
        Assert.Equal("{Language=french;}", reloaded.Prefs);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Accounts.SetPrefsAsync(12345, "{}", Ct));
    }

    [Fact]
    public async Task DeletingAnAccountRemovesEverythingItOwns()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("hello")], Ct);
        await Store.Alerts.PostAsync(mailbox.AccountId, "hi", DateTimeOffset.UtcNow, Ct);

        Assert.True(await Store.Accounts.DeleteAsync(mailbox.AccountId, Ct));

        Assert.Null(await Store.Mailboxes.GetAsync(mailbox.Id, Ct));
        Assert.Empty(await Store.Alerts.ListAsync(mailbox.AccountId, includeAcknowledged: true, Ct));
        Assert.Null(await Store.Messages.OpenContentAsync(mailbox.Id, 1, Ct));
        Assert.False(await Store.Accounts.DeleteAsync(mailbox.AccountId, Ct));
    }

    [Fact]
    public async Task AlertsArePendingUntilAcknowledged()
    {
        var (_, alice) = await CreateAccountAsync();
        var t0 = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        await Store.Alerts.PostAsync(alice.Id, "first", t0, Ct);
        await Store.Alerts.PostAsync(alice.Id, "second", t0.AddMinutes(5), Ct);

        var acknowledged = await Store.Alerts.AcknowledgeAsync(alice.Id, t0.AddMinutes(1), t0.AddMinutes(10), Ct);

        Assert.Equal(1, acknowledged);
        var pending = await Store.Alerts.ListAsync(alice.Id, includeAcknowledged: false, Ct);
        Assert.Equal(["second"], pending.Select(a => a.Text));
        var all = await Store.Alerts.ListAsync(alice.Id, includeAcknowledged: true, Ct);
        Assert.Equal(t0.AddMinutes(10), all[0].Acknowledged);
        Assert.Equal(t0.AddMinutes(5), all[1].Posted);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Store.Alerts.PostAsync(12345, "x", t0, Ct));
    }

    [Fact]
    public async Task ServerSettingsAreSetReplacedAndRemoved()
    {
        Assert.Null(await Store.ServerSettings.GetAsync("DefaultPrefs", Ct));

        await Store.ServerSettings.SetAsync("DefaultPrefs", "{A=1;}", Ct);
        await Store.ServerSettings.SetAsync("DefaultPrefs", "{A=2;}", Ct);
        Assert.Equal("{A=2;}", await Store.ServerSettings.GetAsync("DefaultPrefs", Ct));

        await Store.ServerSettings.SetAsync("DefaultPrefs", null, Ct);
        Assert.Null(await Store.ServerSettings.GetAsync("DefaultPrefs", Ct));
    }
}
