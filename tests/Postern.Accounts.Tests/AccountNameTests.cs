namespace Postern.Accounts.Tests;

public class AccountNameTests
{
    [Theory]
    [InlineData("alice@example.com", "alice", "example.com")]
    [InlineData("  Alice.Smith@Example.COM ", "alice.smith", "example.com")]
    [InlineData("a_b-c@mail.example.com.", "a_b-c", "mail.example.com")]
    [InlineData("postmaster@localhost", "postmaster", "localhost")]
    public void ValidNamesAreNormalisedToLowerCase(string text, string name, string domain)
    {
        Assert.Equal(new AccountName(name, domain), AccountName.Parse(text));
        Assert.Equal($"{name}@{domain}", AccountName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("@example.com")]
    [InlineData("alice@")]
    [InlineData("al ice@example.com")]
    [InlineData(".alice@example.com")]
    [InlineData("al..ice@example.com")]
    [InlineData("alice@exa_mple.com")]
    [InlineData("alice@-example.com")]
    [InlineData("alice@example..com")]
    [InlineData("al/ice@example.com")]
    [InlineData("ali~ce@example.com")]
    public void InvalidNamesAreRejectedWithAReason(string text)
    {
        Assert.False(AccountName.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Throws<AccountsException>(() => AccountName.Parse(text));
    }

    [Fact]
    public void OverlongPartsAreRejected()
    {
        Assert.False(AccountName.TryParse(new string('a', 65) + "@example.com", out _, out _));
        Assert.True(AccountName.TryParse(new string('a', 64) + "@example.com", out _, out _));
        Assert.False(DomainName.TryNormalize(new string('a', 64) + ".com", out _, out _));
        Assert.False(DomainName.TryNormalize(string.Join('.', Enumerable.Repeat(new string('a', 50), 5)) + ".com", out _, out _));
    }
}
