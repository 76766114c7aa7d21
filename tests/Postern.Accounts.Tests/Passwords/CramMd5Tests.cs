using System.Security.Cryptography;
using System.Text;
using Postern.Accounts.Passwords;

namespace Postern.Accounts.Tests.Passwords;

public class CramMd5Tests
{
    [Fact]
    public void ResponseMatchesTheRfc2195Example()
    {
        // RFC 2195 §2: user "tim", password "tanstaaftanstaaf".
        var secret = CramMd5.ComputeSecret("tanstaaftanstaaf");

        var response = CramMd5.ComputeResponse(secret, "<1896.697170952@postoffice.reston.mci.net>"u8);

        Assert.Equal("b913a602c7eda7a495b4e6e7334d3890", response);
    }

    public static TheoryData<string, string, string> Rfc2202Cases() => new()
    {
        // RFC 2202 §2, HMAC-MD5 test cases 1-7 (key hex, data hex, digest).
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Convert.ToHexString("Hi There"u8), "9294727a3638bb1c13f48ef8158bfc9d" },
        { Convert.ToHexString("Jefe"u8), Convert.ToHexString("what do ya want for nothing?"u8), "750c783e6ab0b503eaa86e310a5db738" },
        { new string('a', 32), new string('d', 100), "56be34521d144c88dbb8c733f0e8b3f6" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", string.Concat(Enumerable.Repeat("cd", 50)), "697eaf0aca3a3aea3a75164746ffaa79" },
        { "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", Convert.ToHexString("Test With Truncation"u8), "56461ef2342edc00f9bab995690efd4c" },
        { new string('a', 160), Convert.ToHexString("Test Using Larger Than Block-Size Key - Hash Key First"u8), "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd" },
        {
            new string('a', 160),
            Convert.ToHexString("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"u8),
            "6f630fad67cda0ee1fb1f562db3aa53e"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc2202Cases))]
    public void ResumedHmacMatchesTheRfc2202Vectors(string keyHex, string dataHex, string expected)
    {
        var secret = CramMd5.ComputeSecret(Convert.FromHexString(keyHex).AsSpan());

        Assert.Equal(expected, CramMd5.ComputeResponse(secret, Convert.FromHexString(dataHex)));
    }

    [Fact]
    public void ResumedHmacMatchesDotNetForEveryPaddingBoundary()
    {
        var random = new Random(2195);
        foreach (var keyLength in new[] { 0, 1, 16, 55, 63, 64, 65, 100 })
        {
            var password = new string(Enumerable.Range(0, keyLength).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());
            var secret = CramMd5.ComputeSecret(password);
            for (var messageLength = 0; messageLength <= 130; messageLength++)
            {
                var message = new byte[messageLength];
                random.NextBytes(message);

                var expected = Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(password), message));

                Assert.Equal(expected, CramMd5.ComputeResponse(secret, message));
            }
        }
    }

    [Fact]
    public void VerifyAcceptsEitherHexCaseAndRejectsOtherResponses()
    {
        var secret = CramMd5.ComputeSecret("tanstaaftanstaaf");
        var challenge = "<1896.697170952@postoffice.reston.mci.net>"u8.ToArray();

        Assert.True(CramMd5.Verify(secret, challenge, "B913A602C7EDA7A495B4E6E7334D3890"));
        Assert.False(CramMd5.Verify(secret, challenge, "b913a602c7eda7a495b4e6e7334d3891"));
        Assert.False(CramMd5.Verify(secret, challenge, ""));
        Assert.False(CramMd5.Verify(CramMd5.ComputeSecret("other"), challenge, "b913a602c7eda7a495b4e6e7334d3890"));
    }

    [Fact]
    public void SecretDoesNotContainThePassword()
    {
        var secret = CramMd5.ComputeSecret("tanstaaftanstaaf");

        Assert.Equal(CramMd5.SecretSize, secret.Length);
        Assert.True(secret.AsSpan().IndexOf("tanstaaf"u8) < 0);
    }
}
