// The LogMetrics rules language: mtail's language, unchanged, plus a few additions.
//
// Additions to mtail (every mtail program still parses and means the same):
//   !expr            logical not
//   -expr            unary minus (mtail only has negative literals)
//   x -= expr        subtract-assign
//   defined($name)   true when the capture group took part in the match
//   help "text"      a declaration clause: the metric's HELP text
//   init [v, ...], [v, ...]
//                    a declaration clause: label sets created up front with zero values,
//                    one bracketed list per set, one value per `by` key, e.g.
//                      counter requests_total by method, code init ["GET", "200"], ["GET", "500"]
//   $name.field, $name["key"], $name[0], $["key"]
//                   a field of a json or logfmt pattern, by nested path (docs/language.md)
//   del m[$a][*]     deletes every series whose other keys match (`*` is a wildcard key)
//   summary NAME ... quantiles 0.5, 0.9 [errors 0.05, 0.01] [max_age 10m]
//                    a Prometheus summary (`summary` is a keyword); `quantiles`, `errors` and `le` are
//                    number-list clauses, `max_age` and `retention` duration clauses
// `help`, `init`, `defined`, `json`, `logfmt`, `quantiles`, `errors`, `le`, `max_age` and `retention` are not reserved words:
// they stay usable as names.
//
// Regex literals: a `/` starts a regex only where an operand may start (not after a name,
// a number, a string, a capture, `)` or `]`), so `a / b` divides and `x =~ /a/` matches.
grammar Rules;

@lexer::members {
    private int _previousType = NL;
    private int _previousPreviousType = NL;

    // A regex may start where an operand may start; after `const NAME` a pattern is expected, and after a
    // declaration's name a new statement may start (`gauge x /re/ {`: mtail's parser reads it so).
    private bool RegexAllowed()
    {
        // A field name after a dot is an operand, keywords included, so a slash after it divides.
        if (_previousPreviousType == DOT)
        {
            return false;
        }

        if (_previousType == ID)
        {
            return _previousPreviousType is CONST or COUNTER or GAUGE or TIMER or TEXT or HISTOGRAM;
        }

        return _previousType != INTLITERAL && _previousType != FLOATLITERAL && _previousType != STRING
            && _previousType != CAPREF && _previousType != CAPREF_NAMED && _previousType != RPAREN
            && _previousType != RSQUARE && _previousType != DURATION && _previousType != INC && _previousType != DEC;
    }

    public override IToken NextToken()
    {
        var token = base.NextToken();
        if (token.Channel == DefaultTokenChannel)
        {
            _previousPreviousType = _previousType;
            _previousType = token.Type;
        }

        return token;
    }
}

compilationUnit
    : statementList EOF
    ;

statementList
    : (statement | NL)*
    ;

block
    : LCURLY statementList RCURLY
    ;

statement
    : metricDeclaration                                     # declarationStatement
    | CONST ID NL* expression                               # constStatement
    | DEF ID block                                          # decoratorDefinitionStatement
    | DECO block                                            # decoratorStatement
    | OTHERWISE block                                       # otherwiseStatement
    | expression block (NL* ELSE block)?                    # conditionalStatement
    | DEL expression (AFTER DURATION)?                      # deleteStatement
    | NEXT                                                  # nextStatement
    | STOP                                                  # stopStatement
    | expression                                            # expressionStatement
    ;

metricDeclaration
    : HIDDEN_? kind=(COUNTER | GAUGE | TIMER | TEXT | HISTOGRAM | SUMMARY) name=(ID | STRING) declarationClause*
    ;

declarationClause
    : BY labelName (COMMA NL* labelName)*                   # byClause
    | AS STRING                                             # asClause
    | BUCKETS bucket (COMMA NL* bucket)*                    # bucketsClause
    | LIMIT INTLITERAL                                      # limitClause
    | ID STRING                                             # helpClause
    | ID labelSet (COMMA NL* labelSet)*                     # initClause
    | ID bucket (COMMA NL* bucket)*                         # numberListClause
    | ID DURATION                                           # durationClause
    ;

labelName
    : ID
    | STRING
    ;

bucket
    : MINUS? (INTLITERAL | FLOATLITERAL)
    ;

labelSet
    : LSQUARE (literal (COMMA literal)*)? RSQUARE
    ;

literal
    : MINUS? (INTLITERAL | FLOATLITERAL)
    | STRING
    ;

expression
    : primary                                                           # primaryExpression
    | expression op=(INC | DEC)                                         # postfixExpression
    | op=(TILDE | NOT | MINUS) expression                               # unaryExpression
    | expression op=(MUL | DIV | MOD | POW) NL* expression              # binaryExpression
    | expression op=(PLUS | MINUS) NL* expression                       # binaryExpression
    | expression op=(SHL | SHR) NL* expression                          # binaryExpression
    | expression op=(LT | LE | GT | GE | EQ | NE) NL* expression        # binaryExpression
    | expression op=(BITAND | BITOR | XOR) NL* expression               # binaryExpression
    | expression op=(MATCH | NOT_MATCH) NL* expression                  # binaryExpression
    | expression op=(AND | OR) NL* expression                           # binaryExpression
    | <assoc = right> expression op=(ASSIGN | ADD_ASSIGN | SUB_ASSIGN) NL* expression # assignmentExpression
    ;

primary
    : ID (LSQUARE arguments RSQUARE)+                       # indexPrimary
    | (BUILTIN | ID) LPAREN arguments? RPAREN               # callPrimary
    | ID                                                    # namePrimary
    | INTLITERAL                                            # intPrimary
    | FLOATLITERAL                                          # floatPrimary
    | STRING                                                # stringPrimary
    | REGEX                                                 # regexPrimary
    | CAPREF fieldSelector*                                 # caprefPrimary
    | CAPREF_NAMED fieldSelector*                           # caprefPrimary
    | DOLLAR fieldSelector+                                 # caprefPrimary
    | LPAREN expression RPAREN                              # parenthesizedPrimary
    ;

arguments
    : argument (COMMA NL* argument)*
    ;

// `*` is a wildcard key, allowed only in `del m[$a][*]` (checked by the binder).
argument
    : expression
    | MUL
    ;

// A step into a structured field: `.name` (any word, keywords included), `["key"]` or `[index]`.
fieldSelector
    : DOT (ID | BUILTIN | AFTER | AS | BUCKETS | BY | CONST | COUNTER | DEF | DEL | ELSE | GAUGE | HIDDEN_
        | HISTOGRAM | LIMIT | NEXT | OTHERWISE | STOP | SUMMARY | TEXT | TIMER)                   # nameSelector
    | LSQUARE (STRING | INTLITERAL) RSQUARE                                              # keySelector
    ;

// Keywords.
AFTER: 'after';
AS: 'as';
BUCKETS: 'buckets';
BY: 'by';
CONST: 'const';
COUNTER: 'counter';
DEF: 'def';
DEL: 'del';
ELSE: 'else';
GAUGE: 'gauge';
HIDDEN_: 'hidden';
HISTOGRAM: 'histogram';
LIMIT: 'limit';
NEXT: 'next';
OTHERWISE: 'otherwise';
STOP: 'stop';
SUMMARY: 'summary';
TEXT: 'text';
TIMER: 'timer';

BUILTIN
    : 'bool' | 'float' | 'getfilename' | 'int' | 'len' | 'settime' | 'string' | 'strptime'
    | 'strtol' | 'subst' | 'timestamp' | 'tolower'
    ;

// Punctuation and operators.
LCURLY: '{';
RCURLY: '}';
LPAREN: '(';
RPAREN: ')';
LSQUARE: '[';
RSQUARE: ']';
COMMA: ',';
INC: '++';
DEC: '--';
ADD_ASSIGN: '+=';
SUB_ASSIGN: '-=';
POW: '**';
MUL: '*';
MOD: '%';
PLUS: '+';
MINUS: '-';
SHL: '<<';
SHR: '>>';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
EQ: '==';
NE: '!=';
MATCH: '=~';
NOT_MATCH: '!~';
ASSIGN: '=';
AND: '&&';
OR: '||';
BITAND: '&';
BITOR: '|';
XOR: '^';
TILDE: '~';
NOT: '!';

REGEX: '/' ('\\' ~[\n] | ~[/\\\n])* '/' {RegexAllowed()}?;
DIV: '/';

DURATION: DIGITS ('.' DIGITS)? DURATION_UNIT (DIGITS ('.' DIGITS)? DURATION_UNIT)*;
FLOATLITERAL
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;
INTLITERAL: DIGITS;

STRING: '"' ('\\' ~[\n] | ~["\\\n])* '"';
UNTERMINATED_STRING: '"' ('\\' ~[\n] | ~["\\\n])*;

CAPREF: '$' [0-9]+;
CAPREF_NAMED: '$' [\p{L}0-9_]+;
DOLLAR: '$';
DOT: '.';
DECO: '@' [\p{L}] [\p{L}\p{Nd}_]*;
ID: [\p{L}] [\p{L}\p{Nd}_]*;

NL: '\n';
// Comments stay in the token stream (hidden from the parser) so that `logmetrics fmt` keeps them.
COMMENT: '#' ~[\n]* -> channel(HIDDEN);
WS: [ \t\r]+ -> skip;
ERROR_CHARACTER: .;

fragment DIGITS: [0-9]+;
fragment EXPONENT: [eE] [+-]? DIGITS;
fragment DURATION_UNIT: 'ns' | 'us' | 'µs' | 'ms' | 's' | 'm' | 'h' | 'd';
