using System.Text;
using Postern.Data;
using Postern.Testing;

namespace Postern.Templates.Tests;

public class TemplateApiTests
{
    [Fact]
    public void TryCompileReportsErrorsWithoutThrowing()
    {
        var ok = WsspCompiler.TryCompile("<!--%%IF x-->", "a.wssp", out var template, out var error);

        Assert.False(ok);
        Assert.Null(template);
        Assert.Equal("a.wssp:1:1: IF is not closed with ENDIF.", error!.ToString());
        Assert.Equal(new TextLocation(1, 1), error.Location);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData(PageMarkup.Html, "<go href=\"$(next)\"/>US$ 5 &amp; $x|US$ 5 & $x|Q%24|<option value=\"a$b\" selected=\"selected\">a$b</option>")]
    [InlineData(PageMarkup.Wml, "<go href=\"$(next)\"/>US$$ 5 &amp; $$x|US$$ 5 & $$x|Q%24|<option value=\"a$$b\" selected=\"selected\">a$$b</option>")]
    public void OnWmlPagesEveryDollarInAValueIsDoubledButThePagesOwnTextIsLeftAlone(PageMarkup markup, string expected)
    {
        var template = WsspCompiler.Compile("<go href=\"$(next)\"/>%%HTML:price%%|%%price%%|%%URL:q%%|<!--%%STRINGMENU \"a$b\" IN choices-->", "w.wssp");
        var dataset = new DataDictionary { ["price"] = "US$ 5 & $x", ["q"] = "Q$", ["choices"] = DataArray.OfStrings(["a$b"]) };

        var text = template.Render(new TemplateContext(dataset) { Markup = markup }).Text;

        Assert.Equal(expected, text.ReplaceLineEndings(""));
    }

    [Fact]
    public void CompileUtf8SkipsTheByteOrderMark()
    {
        byte[] file = [0xEF, 0xBB, 0xBF, .. "Grüße %%x%%"u8];

        var template = WsspCompiler.CompileUtf8(file, "a.wssp");

        Assert.Equal("Grüße 1", template.Render(new TemplateContext(new DataDictionary { ["x"] = "1" })).Text);
    }

    [Fact]
    public void OneCompiledTemplateRendersConcurrentlyWithDifferentDatasets()
    {
        var template = WsspCompiler.Compile("<!--%%FOREACH i IN items-->%%i[]%%,<!--%%ENDFOR i-->", "list.wssp");

        Parallel.For(0, 200, n =>
        {
            var items = new DataArray(Enumerable.Range(0, n % 7).Select(i => (DataValue?)new DataNumber(n + i)));
            var expected = string.Concat(Enumerable.Range(0, n % 7).Select(i => $"{n + i},"));
            Assert.Equal(expected, template.Render(new TemplateContext(new DataDictionary { ["items"] = items })).Text);
        });
    }

    [Fact]
    public void RenderToAppendsToAReusedBufferAndLooksForRedirectsInTheNewPageOnly()
    {
        var redirecting = WsspCompiler.Compile("<REDIRECT>/next", "r.wssp");
        var plain = WsspCompiler.Compile("page", "p.wssp");
        using var output = new TemplateOutput();
        var context = new TemplateContext(new DataDictionary());

        var first = redirecting.RenderTo(context, output);
        var second = plain.RenderTo(context, output);

        Assert.Equal(new PageRedirect("/next", false), first.Redirect);
        Assert.Null(second.Redirect);
        Assert.Equal("<REDIRECT>/nextpage", output.ToString());
        output.Clear();
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void OutputLimitCountsOnlyThisRender()
    {
        var template = WsspCompiler.Compile("0123456789", "a.wssp");
        var context = new TemplateContext(new DataDictionary()) { Limits = new TemplateLimits { MaxOutputChars = 10 } };
        using var output = new TemplateOutput();

        template.RenderTo(context, output);
        template.RenderTo(context, output);

        Assert.Equal(20, output.Length);
    }

    [Fact]
    public void IncludeWithoutAResolverIsAClearError()
    {
        var template = WsspCompiler.Compile("<!--%%INCLUDE \"x.wssi\"-->", "a.wssp");

        var error = Assert.Throws<TemplateRenderException>(() => template.Render(new TemplateContext(new DataDictionary())));

        Assert.Equal("a.wssp:1:1: INCLUDE \"x.wssi\": this page has no skin to include files from.", error.Message);
    }

    [Fact]
    public void LimitErrorsAreTheirOwnExceptionType()
    {
        var template = WsspCompiler.Compile("<!--%%FOREACHINC i IN 1000000-->x<!--%%ENDFOR i-->", "a.wssp");
        var context = new TemplateContext(new DataDictionary()) { Limits = new TemplateLimits { MaxSteps = 100 } };

        Assert.Throws<TemplateLimitExceededException>(() => template.Render(context));
    }

    [Fact]
    public void CancelledRenderStops()
    {
        var template = WsspCompiler.Compile("<!--%%FOREACHINC i IN 1000000-->x<!--%%ENDFOR i-->", "a.wssp");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var context = new TemplateContext(new DataDictionary()) { CancellationToken = cancelled.Token };

        Assert.Throws<OperationCanceledException>(() => template.Render(context));
    }

    [Fact]
    public void PageIsConvertedToTheDatasetCharset()
    {
        var template = WsspCompiler.Compile("Привет, %%name%%! €", "a.wssp");
        var page = template.Render(new TemplateContext(new DataDictionary { ["charset"] = "koi8-r", ["name"] = "мир" }));

        var bytes = page.GetBytes();

        Assert.Equal("koi8-r", page.Charset);
        Assert.Equal("Привет, мир! &#8364;", Encoding.GetEncoding("koi8-r").GetString(bytes));
    }

    [Fact]
    public void CharactersOutsideTheCharsetBecomeCharacterReferences()
    {
        var bytes = PageEncoding.Encode("a😀é", "iso-8859-1");

        Assert.Equal("a&#128512;\u00e9", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Utf8PagesHaveNoByteOrderMark()
    {
        Assert.Equal("é"u8.ToArray(), PageEncoding.Encode("é", "UTF-8"));
        Assert.Equal("é"u8.ToArray(), PageEncoding.Encode("é", null));
    }

    [Fact]
    public void LimitsRejectNonPositiveValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TemplateLimits { MaxSteps = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TemplateLimits { MaxIncludeDepth = -1 });
    }

    /// <summary>The functions, prefixes and structural elements WSSP documents, each of which a case file must exercise.</summary>
    public static TheoryData<string> DocumentedNames() => new(
    [
        "STRING(", "ARRAY(", "DICTIONARY(", "SESSION(", "SETTINGS(", "ACCOUNTSETTINGS(", "INCLUDEARG(", "EXISTS(",
        "DOESNOTEXIST(", "ISARRAY(", "ISDICTIONARY(", "ISSTRING(", "ISNUMBER(", "ISDATE(", "ISDATA(", "HASPARENTMAILBOX(",
        "EQUALS(", "EQUALSNOCASE(", "CONTAINS(", "NOT(", "ISFIRST(", "ISLAST(", "ISEVEN(", "ISHALF(", "ISINDEX(",
        "CHECKED(", "REQUIRED(", "YESNO(", "BOOLARRAY(", "EMPTYARRAY(", "EMPTYDICTIONARY(", "EMPTYSTRING(", "NULL(",
        "MONTHNAMES(", "KNOWNCHARSETS(", "KNOWNTIMEZONES(", "RANDOMELEMENT(", "CURRENTTIME(", "SELECTEDLANGUAGE(",
        "SELECTEDTIMEZONE(", "SERVERVERSION(", "REQUESTRESOURCE(", "REQUESTSOURCEIP(", "REQUESTSECURE(", "TRANSLATE(",
        "%%HTML:", "%%URL:", "%%HTMLSUBST(", "%%SUBST(", "%%DATE:", "%%TIME:", "%%DATETIME:", "%%DATETIMESHORT:",
        "%%SIZE:", "%%NUMBER:",
        "<!--%%IF ", "<!--%%ELIF ", "<!--%%ELSE", "<!--%%ENDIF", "<!--%%FOREACH ", "<!--%%FOREACHREV ",
        "<!--%%FOREACHINC ", "<!--%%FORALL ", "<!--%%EMPTYFOR", "<!--%%EMTPYFOR", "<!--%%ENDFOR", "<!--%%INCLUDE ",
        "<!--%%BOOLMENU ", "<!--%%STRINGMENU ", "<!--%%NUMERICMENU ", "<!--%%SIZEMENU ", "<!--%%TIMEMENU ",
        "<!--%%DAYTIMEMENU ", "<!--%%ENUMMENU ", "<!--%%MAILBOXMENU ", "<!--%%CALENDARTIMEMENU ",
        "<!--%%LOCALCALENDARTIMEMENU ", "<!--%%CALENDARDATECONTROL ", "<!--%%LOCALCALENDARDATECONTROL ",
    ]);

    private static readonly Lazy<string> s_allPassingCases = new(() => string.Join("\n",
        Directory.GetFiles(TestData.Path("Cases"), "*.case", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}Errors{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    [Theory]
    [MemberData(nameof(DocumentedNames))]
    public void EveryDocumentedElementIsExercisedByARenderingCase(string name)
    {
        Assert.Contains(name, s_allPassingCases.Value, StringComparison.Ordinal);
    }
}
