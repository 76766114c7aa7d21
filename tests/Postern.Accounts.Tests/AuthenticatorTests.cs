using System.Text;
using Postern.Accounts.Passwords;

namespace Postern.Accounts.Tests;

public class AuthenticatorTests : AccountsContext
{
    [Fact]
    public async Task RightPasswordLogsIn()
    {
        var alice = await CreateAccountAsync(password: "s3cret");

        var result = await Authenticator.VerifyPasswordAsync("alice@example.com", "s3cret", null, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(alice.Id, result.Account!.Id);
        Assert.Equal(AuthenticationFailure.None, result.Failure);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownAccountFailWithTheirReasons()
    {
        await CreateAccountAsync(password: "s3cret");

        Assert.Equal(AuthenticationFailure.WrongPassword, (await Authenticator.VerifyPasswordAsync("alice", "S3cret", null, Ct)).Failure);
        Assert.Equal(AuthenticationFailure.UnknownAccount, (await Authenticator.VerifyPasswordAsync("bob", "s3cret", null, Ct)).Failure);
        Assert.Equal(AuthenticationFailure.UnknownAccount,
            (await Authenticator.VerifyPasswordAsync("alice", new string('x', AccountLimits.MaxPasswordLength + 1), null, Ct)).Failure);
    }

    [Fact]
    public async Task CramMd5ResponseKeyedWithThePasswordLogsIn()
    {
        await CreateAccountAsync(password: "tanstaaftanstaaf");
        var challenge = Encoding.ASCII.GetBytes("<1896.697170952@postoffice.reston.mci.net>");

        var right = await Authenticator.VerifyCramMd5Async("alice@example.com", challenge, "b913a602c7eda7a495b4e6e7334d3890", null, Ct);
        var wrong = await Authenticator.VerifyCramMd5Async("alice@example.com", challenge, "00000000000000000000000000000000", null, Ct);
        var unknown = await Authenticator.VerifyCramMd5Async("tim@example.com", challenge, "b913a602c7eda7a495b4e6e7334d3890", null, Ct);

        Assert.True(right.Succeeded);
        Assert.Equal(AuthenticationFailure.WrongPassword, wrong.Failure);
        Assert.Equal(AuthenticationFailure.UnknownAccount, unknown.Failure);
    }

    [Fact]
    public async Task TurningCramMd5OffRefusesItAndDropsTheSecretAtTheNextLogin()
    {
        await CreateAccountAsync(password: "tanstaaftanstaaf");
        PasswordOptions.EnableCramMd5 = false;
        var challenge = Encoding.ASCII.GetBytes("<1896.697170952@postoffice.reston.mci.net>");

        var cram = await Authenticator.VerifyCramMd5Async("alice", challenge, "b913a602c7eda7a495b4e6e7334d3890", null, Ct);
        var plain = await Authenticator.VerifyPasswordAsync("alice", "tanstaaftanstaaf", null, Ct);

        Assert.Equal(AuthenticationFailure.MechanismUnavailable, cram.Failure);
        Assert.True(plain.Succeeded);
        Assert.Null((await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct)).Credentials.CramMd5Secret);
    }

    [Fact]
    public async Task LoginWithAnOutdatedHashCostRehashesThePassword()
    {
        var alice = await CreateAccountAsync(password: "pw");
        PasswordOptions.Pbkdf2Iterations = 2000;

        var result = await Authenticator.VerifyPasswordAsync("alice", "pw", null, Ct);

        Assert.True(result.Succeeded);
        var stored = (await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct)).Credentials.PasswordHash;
        Assert.StartsWith("$pbkdf2-sha512$2000$", stored);
        Assert.NotEqual(alice.Credentials.PasswordHash, stored);
        Assert.True((await Authenticator.VerifyPasswordAsync("alice", "pw", null, Ct)).Succeeded);
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheOldOne()
    {
        var alice = await CreateAccountAsync(password: "old");

        await Assert.ThrowsAsync<AccountsException>(() => Authenticator.ChangePasswordAsync(alice, "wrong", "new", Ct));
        await Authenticator.ChangePasswordAsync(alice, "old", "new", Ct);

        Assert.False((await Authenticator.VerifyPasswordAsync("alice", "old", null, Ct)).Succeeded);
        Assert.True((await Authenticator.VerifyPasswordAsync("alice", "new", null, Ct)).Succeeded);
        var secret = (await Accounts.GetAsync(AccountName.Parse("alice@example.com"), Ct)).Credentials.CramMd5Secret!;
        Assert.Equal(CramMd5.ComputeResponse(CramMd5.ComputeSecret("new"), "x"u8), CramMd5.ComputeResponse(secret, "x"u8));
    }
}
