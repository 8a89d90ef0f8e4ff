package xyz.twzrd.ops.pipeline

import org.codehaus.groovy.ast.ASTNode
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.builder.AstBuilder
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.control.CompilePhase

/**
 * The rules of Declarative Pipeline's structure that the example relies on, checked on its syntax tree (a real
 * Jenkins's pipeline-model-definition checks these when the job starts; JenkinsPipelineUnit runs the closures and
 * would not notice): {@code pipeline} only at the top; in it only Declarative sections, with {@code agent} and
 * {@code stages}; {@code stage} only in {@code stages}, {@code steps} only in a {@code stage}; and inside
 * {@code steps} only step calls: Groovy code (def, if, assignments) belongs in {@code script { }}.
 */
final class DeclarativeShape extends CodeVisitorSupport {
    public static final Set<String> SECTIONS = ['agent', 'environment', 'options', 'parameters', 'triggers', 'tools',
                                         'stages', 'post', 'libraries'] as Set
    private final Deque<String> blocks = new ArrayDeque<>()
    final List<String> problems = []

    /** What breaks Declarative's structure in the source, one line each; empty when none. */
    static List<String> problems(String source) {
        List<ASTNode> nodes = new AstBuilder().buildFromString(CompilePhase.CONVERSION, true, source)
        DeclarativeShape shape = new DeclarativeShape()
        nodes.each { it.visit(shape) }
        return shape.problems
    }

    @Override
    void visitMethodCallExpression(MethodCallExpression call) {
        String name = call.methodAsString
        ClosureExpression body = closureArgument(call)
        if (!blocks.contains('script')) {
            check(call, name, body)
        }
        if (body == null) {
            super.visitMethodCallExpression(call)
            return
        }
        blocks.push(name)
        try {
            super.visitMethodCallExpression(call)
        } finally {
            blocks.pop()
        }
    }

    private void check(MethodCallExpression call, String name, ClosureExpression body) {
        String parent = blocks.peek()
        int line = call.lineNumber
        switch (name) {
            case 'pipeline':
                if (parent != null) {
                    problems << "line $line: pipeline { } inside $parent { }".toString()
                }
                if (body != null) {
                    checkPipelineBody(body)
                }
                break
            case 'stage':
                if (!(parent in ['stages', 'parallel'])) {
                    problems << "line $line: stage outside stages { } (in ${parent ?: 'the top level'})".toString()
                }
                break
            case 'steps':
                if (parent != 'stage') {
                    problems << "line $line: steps { } outside a stage (in ${parent ?: 'the top level'})".toString()
                }
                if (body != null) {
                    statements(body).each { Statement st ->
                        if (!(st instanceof ExpressionStatement
                                && ((ExpressionStatement) st).expression instanceof MethodCallExpression)) {
                            problems << ("line ${st.lineNumber}: steps { } holds only step calls; "
                                    + "Groovy code (def, if, assignments) belongs in script { }").toString()
                        }
                    }
                }
                break
            default:
                if (parent == 'pipeline' && !(name in SECTIONS)) {
                    problems << "line $line: '$name' is not a section of pipeline { }".toString()
                }
        }
    }

    private void checkPipelineBody(ClosureExpression body) {
        List<String> sections = []
        statements(body).each { Statement st ->
            Expression e = st instanceof ExpressionStatement ? ((ExpressionStatement) st).expression : null
            if (e instanceof MethodCallExpression) {
                sections << ((MethodCallExpression) e).methodAsString
            } else {
                problems << "line ${st.lineNumber}: pipeline { } holds only sections, not Groovy code".toString()
            }
        }
        ['agent', 'stages'].each { String required ->
            if (!(required in sections)) {
                problems << "line ${body.lineNumber}: pipeline { } without $required".toString()
            }
        }
        sections.countBy { it }.findAll { k, v -> v > 1 }.each { k, v ->
            problems << "line ${body.lineNumber}: $k appears $v times in one pipeline { }".toString()
        }
    }

    private static List<Statement> statements(ClosureExpression body) {
        Statement code = body.code
        return code instanceof BlockStatement ? ((BlockStatement) code).statements : [code]
    }

    private static ClosureExpression closureArgument(MethodCallExpression call) {
        Expression args = call.arguments
        List<Expression> list = args instanceof TupleExpression ? ((TupleExpression) args).expressions
                : args instanceof ArgumentListExpression ? ((ArgumentListExpression) args).expressions : []
        return list && list.last() instanceof ClosureExpression ? (ClosureExpression) list.last() : null
    }
}
