using System.Text.RegularExpressions;

namespace LogMetrics.Runtime;

/// <summary>Takes back a <see cref="Match"/> it handed out, once the line that read it is done, to reuse it.</summary>
internal interface IMatchOwner
{
    void Return(Match match);
}
