using Postern.Data;

namespace Postern.Accounts.Tests;

public class AccountServiceTests : AccountsContext
{
    [Fact]
    public async Task CreatedAccountIsFoundByItsFullName()
    {
        var created = await CreateAccountAsync("Alice@Example.com");

        var found = await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct);

        Assert.Equal(created.Id, found.Id);
        Assert.Equal("alice", found.Name);
        Assert.Equal("Alice Example", found.RealName);
        Assert.Equal(new AccountName("alice", "example.com"), await Accounts.GetNameAsync(found, Ct));
    }

    [Fact]
    public async Task PasswordIsNeverStoredInClear()
    {
        var created = await CreateAccountAsync(password: "hunter2-hunter2");

        Assert.DoesNotContain("hunter2", created.Credentials.PasswordHash);
        Assert.Equal(32, created.Credentials.CramMd5Secret!.Length);
        Assert.True(created.Credentials.CramMd5Secret.AsSpan().IndexOf("hunter2"u8) < 0);
    }

    [Fact]
    public async Task CreatingInAnUnknownDomainOrTwiceFails()
    {
        await CreateAccountAsync();

        await Assert.ThrowsAsync<UnknownNameException>(() => Accounts.CreateAsync(AccountName.Parse("x@nowhere.example"), "pw", "", Ct));
        var duplicate = await Assert.ThrowsAsync<AccountsException>(() => CreateAccountAsync());
        Assert.Equal("account alice@example.com already exists", duplicate.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("with\0nul")]
    public async Task UnacceptablePasswordsAreRefused(string password)
    {
        await Assert.ThrowsAsync<AccountsException>(() => CreateAccountAsync(password: password));
    }

    [Fact]
    public async Task OverlongPasswordOrRealNameIsRefused()
    {
        await Assert.ThrowsAsync<AccountsException>(() => CreateAccountAsync(password: new string('p', AccountLimits.MaxPasswordLength + 1)));
        await Assert.ThrowsAsync<AccountsException>(() => Accounts.CreateAsync(
            AccountName.Parse("bob@example.com"), "pw", new string('r', AccountLimits.MaxRealNameLength + 1), Ct));
        await Assert.ThrowsAsync<AccountsException>(() => Accounts.CreateAsync(AccountName.Parse("bob@example.com"), "pw", "Bob\nEvil", Ct));
    }

    [Fact]
    public async Task LoginNamesResolveThroughAliasesAndTheMainDomain()
    {
        var alice = await CreateAccountAsync();
        await Accounts.AddAliasAsync(alice, "Al", Ct);
        var domain = await Domains.GetAsync("example.com", Ct);
        await Domains.AddAliasAsync(domain, "mail.example.com", Ct);

        Assert.Equal(alice.Id, (await Accounts.ResolveLoginNameAsync("alice", null, Ct))!.Id);
        Assert.Equal(alice.Id, (await Accounts.ResolveLoginNameAsync("al@mail.example.com", null, Ct))!.Id);
        Assert.Equal(alice.Id, (await Accounts.ResolveLoginNameAsync("AL", "mail.example.com", Ct))!.Id);
        Assert.Null(await Accounts.ResolveLoginNameAsync("alice", "other.example", Ct));
        Assert.Null(await Accounts.ResolveLoginNameAsync("not valid!", null, Ct));
    }

    [Fact]
    public async Task RemovedAccountIsGone()
    {
        await CreateAccountAsync();

        await Accounts.RemoveAsync(AccountName.Parse("alice@example.com"), Ct);

        Assert.Null(await Accounts.FindAsync(AccountName.Parse("alice@example.com"), Ct));
        await Assert.ThrowsAsync<UnknownNameException>(() => Accounts.RemoveAsync(AccountName.Parse("alice@example.com"), Ct));
    }

    [Fact]
    public async Task SettingsAreUpdatedKeyByKey()
    {
        var alice = await CreateAccountAsync();
        var first = new DataDictionary { ["MaxMailboxSize"] = "100M", ["RulesAllowed"] = "Any" };

        await Accounts.UpdateSettingsAsync(alice, first, Ct);
        var updated = await Accounts.UpdateSettingsAsync(alice, new DataDictionary { ["RulesAllowed"] = DataNull.Value }, Ct);

        Assert.Equal("{MaxMailboxSize=100M;}", updated.ToString());
        var reloaded = await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct);
        Assert.Equal(updated, AccountService.GetSettings(reloaded));
    }
}
