using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Tests.Values;

public class XimssTimeTests
{
    [Fact]
    public void FormatsTheCompactFormWithOrWithoutTheGmtMarker()
    {
        var time = new DateTime(2009, 4, 3, 21, 52, 0);

        Assert.Equal("20090403T215200", XimssTime.Format(time));
        Assert.Equal("20090403T215200Z", XimssTime.Format(time, utcMarker: true));
    }

    [Fact]
    public void ParsesGmtTimesAsUtc()
    {
        Assert.True(XimssTime.TryParse("20260525T051440Z", out var time));
        Assert.Equal(new DateTime(2026, 5, 25, 5, 14, 40, DateTimeKind.Utc), time);
        Assert.Equal(DateTimeKind.Utc, time.Kind);
    }

    [Fact]
    public void ParsesLocalTimesAndDatesWithoutAZone()
    {
        Assert.True(XimssTime.TryParse("20090404T015200", out var local));
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
        Assert.Equal(new DateTime(2009, 4, 4, 1, 52, 0), local);

        Assert.True(XimssTime.TryParse("20240229", out var date));
        Assert.Equal(new DateTime(2024, 2, 29), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2009-04-04T01:52:00")]
    [InlineData("20090404015200")]
    [InlineData("20090404T256000")]
    [InlineData("20230229")]
    [InlineData("20090404T015200ZZ")]
    public void RefusesOtherFormsAndImpossibleDates(string text)
    {
        Assert.False(XimssTime.TryParse(text, out _));
    }

    [Fact]
    public void TimeShiftIsTheOffsetInSeconds()
    {
        Assert.Equal(14400, XimssTime.TimeShift(TimeSpan.FromHours(4)));
        Assert.Equal(-28800, XimssTime.TimeShift(TimeSpan.FromHours(-8)));
    }
}
