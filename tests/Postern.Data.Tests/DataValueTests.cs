using System.Net;

namespace Postern.Data.Tests;

public class DataValueTests
{
    [Fact]
    public void DictionaryKeysAreCaseInsensitiveByDefaultAndKeepTheirSpelling()
    {
        var dictionary = new DataDictionary { ["SkinName"] = "Golden" };

        Assert.Equal("Golden", dictionary.Find("skinname")?.AsString);
        dictionary["SKINNAME"] = "Blue";

        var entry = Assert.Single(dictionary);
        Assert.Equal("SkinName", entry.Key);
        Assert.Equal("Blue", entry.Value.AsString);
    }

    [Fact]
    public void CaseSensitiveDictionaryKeepsKeysThatDifferOnlyInCase()
    {
        var dictionary = new DataDictionary(caseSensitive: true) { ["a"] = "1", ["A"] = "2" };

        Assert.True(dictionary.CaseSensitive);
        Assert.Equal(2, dictionary.Count);
        Assert.Null(dictionary.Find("b"));
    }

    [Fact]
    public void ReaderBuildsCaseSensitiveDictionariesWhenAsked()
    {
        var options = new DataParserOptions { CaseSensitiveKeys = true };

        var dictionary = DataParser.ParseDictionary("{a=1;A=2;Sub={x=y;};}", options: options);

        Assert.True(dictionary.CaseSensitive);
        Assert.True(((DataDictionary)dictionary["Sub"]).CaseSensitive);
        Assert.Equal("2", dictionary["A"].AsString);
    }

    [Fact]
    public void AssigningNullRemovesAKeyButTheNullValueIsKept()
    {
        var dictionary = new DataDictionary { ["a"] = "x", ["b"] = DataNull.Value };

        dictionary["a"] = null!;

        Assert.False(dictionary.ContainsKey("a"));
        Assert.Equal("{b=#NULL#;}", dictionary.ToString());
    }

    [Fact]
    public void DictionaryKeepsInsertionOrder()
    {
        var dictionary = new DataDictionary { ["z"] = 1, ["a"] = 2, ["m"] = 3 };

        Assert.Equal(["z", "a", "m"], dictionary.Keys);
        Assert.Equal("{z=#1;a=#2;m=#3;}", dictionary.ToString());
    }

    [Fact]
    public void ReadOnlyContainersRejectChangesAllTheWayDown()
    {
        var inner = new DataArray { "x" };
        var dictionary = new DataDictionary { ["list"] = inner };

        dictionary.MakeReadOnly();

        Assert.True(inner.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => dictionary["new"] = "v");
        Assert.Throws<InvalidOperationException>(() => inner.Add("y"));
        Assert.Throws<InvalidOperationException>(() => inner[0] = "y");
    }

    [Fact]
    public void EqualityIsStructuralAndIgnoresDictionaryOrder()
    {
        var a = DataParser.Parse("{x=(#1,\"two\",#T01-01-2020);y={z=[AAE=];};}");
        var b = DataParser.Parse("{y={z=[AAE=];};x=(#1,two,#T01-01-2020_00:00:00);}");
        var c = DataParser.Parse("{y={z=[AAI=];};x=(#1,two,#T01-01-2020_00:00:00);}");

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual<DataValue>(new DataString("1"), new DataNumber(1));
    }

    [Fact]
    public void TimestampDropsFractionsOfASecondAndConvertsToGmt()
    {
        var local = new DateTimeOffset(2024, 3, 5, 10, 20, 30, 999, TimeSpan.FromHours(2));

        var stamp = new DataTimestamp(local);

        Assert.Equal(new DateTime(2024, 3, 5, 8, 20, 30, DateTimeKind.Utc), stamp.Value);
        Assert.Equal(DateTimeKind.Utc, stamp.Value.Kind);
        Assert.Equal("#T05-03-2024_08:20:30", stamp.ToString());
    }

    [Fact]
    public void RemotePastAndFutureAreRecognised()
    {
        Assert.True(DataTimestamp.RemotePast.IsRemotePast);
        Assert.True(DataTimestamp.RemoteFuture.IsRemoteFuture);
        Assert.True(new DataTimestamp(DateTime.MaxValue).IsRemoteFuture);
        Assert.False(new DataTimestamp(new DateTime(2000, 1, 1)).IsRemotePast);
    }

    [Fact]
    public void IPAddressRejectsAPortOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataIPAddress(IPAddress.Loopback, 70000));
        Assert.Equal("#I[127.0.0.1]:0", new DataIPAddress(IPAddress.Loopback, 0).ToString());
    }

    [Fact]
    public void DataBlockKeepsItsOwnCopy()
    {
        var bytes = new byte[] { 1, 2, 3 };
        var block = new DataBlock(bytes);

        bytes[0] = 9;

        Assert.Equal(new byte[] { 1, 2, 3 }, block.Bytes.ToArray());
    }

    [Fact]
    public void ImplicitConversionsBuildValuesConcisely()
    {
        DataValue text = "hello";
        DataValue nothing = (string?)null;
        DataValue number = 42L;

        Assert.Equal(DataKind.String, text.Kind);
        Assert.True(nothing.IsNull);
        Assert.Equal("#42", number.ToString());
        Assert.Same(DataString.Yes, DataString.From("YES"));
    }

    [Fact]
    public void ArrayReplacesCSharpNullWithTheNullValue()
    {
        var array = new DataArray(new DataValue?[] { "a", null });

        Assert.Same(DataNull.Value, array[1]);
        Assert.Equal("(a,#NULL#)", array.ToString());
    }
}
