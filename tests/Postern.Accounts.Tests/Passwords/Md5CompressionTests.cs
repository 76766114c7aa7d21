using System.Security.Cryptography;
using Postern.Accounts.Passwords;

namespace Postern.Accounts.Tests.Passwords;

public class Md5CompressionTests
{
    [Fact]
    public void HashFromTheInitialStateEqualsMd5ForEveryLengthAroundTheBlockSize()
    {
        var random = new Random(1321);
        var digest = new byte[16];
        for (var length = 0; length <= 200; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);

            Md5Compression.Finish(Md5State.Initial, 0, message, digest);

            Assert.Equal(MD5.HashData(message), digest);
        }
    }

    [Fact]
    public void EmptyMessageGivesTheRfc1321Digest()
    {
        var digest = new byte[16];

        Md5Compression.Finish(Md5State.Initial, 0, [], digest);

        // RFC 1321 appendix A.5: MD5 ("") = d41d8cd98f00b204e9800998ecf8427e.
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void ResumingAfterWholeBlocksEqualsHashingEverything()
    {
        var random = new Random(7);
        var prefix = new byte[128];
        var rest = new byte[77];
        random.NextBytes(prefix);
        random.NextBytes(rest);
        var state = Md5State.Initial;
        state = Md5Compression.Compress(state, prefix.AsSpan(0, 64));
        state = Md5Compression.Compress(state, prefix.AsSpan(64, 64));
        var digest = new byte[16];

        Md5Compression.Finish(state, prefix.Length, rest, digest);

        Assert.Equal(MD5.HashData([.. prefix, .. rest]), digest);
    }
}
