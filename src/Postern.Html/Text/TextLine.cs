namespace Postern.Html.Text;

/// <summary>One line as displayed: its quotation depth (the number of <c>&gt;</c> marks) and its text without them.</summary>
internal readonly record struct TextLine(int QuoteDepth, string Text);
