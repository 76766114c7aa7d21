using Postern.Accounts.Security;
using Postern.Testing;

namespace Postern.Accounts.Tests.Security;

public class PasswordResetCodesTests : AccountsContext
{
    private readonly ManualTimeProvider _clock = new();
    private readonly AccountSecurityOptions _options = new();

    private PasswordResetCodes Codes => new(Store, Accounts, _options, _clock);

    [Fact]
    public async Task ACodeFindsItsAccountAndSetsThePasswordOnce()
    {
        var account = await CreateAccountAsync();
        var code = await Codes.IssueAsync(account, Ct);

        Assert.Matches(@"^\d+\.[A-Za-z0-9_-]{43}$", code);
        Assert.Equal(account.Id, (await Codes.FindAsync(code!, Ct))?.Id);
        Assert.NotNull(await Codes.ResetPasswordAsync(code!, "n3w", Ct));
        Assert.True((await Authenticator.VerifyPasswordAsync("alice", "n3w", null, Ct)).Succeeded);
        Assert.Null(await Codes.ResetPasswordAsync(code!, "again", Ct));
        Assert.Null(await Codes.FindAsync(code!, Ct));
    }

    [Fact]
    public async Task OnlyTheHashOfTheSecretIsStored()
    {
        var account = await CreateAccountAsync();
        var code = (await Codes.IssueAsync(account, Ct))!;

        var stored = (await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct)).Settings;

        Assert.DoesNotContain(code[(code.IndexOf('.') + 1)..], stored, StringComparison.Ordinal);
        Assert.Contains(PasswordResetCodes.Setting, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeExpiresAndANewOneWaitsForTheMailInterval()
    {
        var account = await CreateAccountAsync();
        var first = (await Codes.IssueAsync(account, Ct))!;
        account = await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct);

        Assert.Null(await Codes.IssueAsync(account, Ct));
        _clock.Advance(_options.RecoveryMailInterval);
        var second = await Codes.IssueAsync(account, Ct);
        Assert.NotNull(second);
        // The newer code replaces the older.
        Assert.Null(await Codes.FindAsync(first, Ct));
        _clock.Advance(_options.RecoveryLinkLifetime);
        Assert.Null(await Codes.FindAsync(second!, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("x.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1.AAAA")]
    [InlineData("1.!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("99999999999999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AMalformedCodeFindsNothing(string code)
    {
        await Codes.IssueAsync(await CreateAccountAsync(), Ct);

        Assert.Null(await Codes.FindAsync(code, Ct));
    }

    [Fact]
    public async Task ARefusedPasswordLeavesTheCodeValid()
    {
        var code = (await Codes.IssueAsync(await CreateAccountAsync(), Ct))!;

        await Assert.ThrowsAsync<AccountsException>(() => Codes.ResetPasswordAsync(code, "", Ct));

        Assert.NotNull(await Codes.FindAsync(code, Ct));
    }
}
