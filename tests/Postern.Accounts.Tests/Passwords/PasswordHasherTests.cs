using Postern.Accounts.Passwords;

namespace Postern.Accounts.Tests.Passwords;

public class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = new(new PasswordOptions { Pbkdf2Iterations = 1000 });

    [Fact]
    public void HashVerifiesTheSamePasswordOnly()
    {
        var hash = _hasher.Hash("correct horse");

        Assert.Equal((true, false), _hasher.Verify("correct horse", hash));
        Assert.Equal((false, false), _hasher.Verify("correct horsE", hash));
        Assert.Equal((false, false), _hasher.Verify("", hash));
    }

    [Fact]
    public void HashIsSaltedAndSelfDescribing()
    {
        var first = _hasher.Hash("same");
        var second = _hasher.Hash("same");

        Assert.NotEqual(first, second);
        Assert.StartsWith("$pbkdf2-sha512$1000$", first);
        Assert.DoesNotContain("same", first);
    }

    [Fact]
    public void HashWithAnotherIterationCountStillVerifiesAndAsksForARehash()
    {
        var oldHash = new PasswordHasher(new PasswordOptions { Pbkdf2Iterations = 500 }).Hash("pw");

        Assert.Equal((true, true), _hasher.Verify("pw", oldHash));
        Assert.Equal((false, false), _hasher.Verify("other", oldHash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("$pbkdf2-sha512$abc$c2FsdA==$aGFzaA==")]
    [InlineData("$pbkdf2-sha512$0$c2FsdA==$aGFzaA==")]
    [InlineData("$pbkdf2-sha512$1000$not base64$aGFzaA==")]
    [InlineData("$bcrypt$1000$c2FsdA==$aGFzaA==")]
    [InlineData("$pbkdf2-sha512$1000$c2FsdA==$")]
    public void MalformedStoredHashNeverVerifies(string stored)
    {
        Assert.Equal((false, false), _hasher.Verify("plain-text-password", stored));
    }

    [Fact]
    public void IterationCountMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordOptions { Pbkdf2Iterations = 0 });
    }
}
