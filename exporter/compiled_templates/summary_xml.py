from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'summary.xml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_fit = resolve('fit')
    l_0_title = resolve('title')
    l_0_tool = resolve('tool')
    l_0_summary = resolve('summary')
    l_0_keywords = resolve('keywords')
    l_0_meta = resolve('meta')
    l_0_steps = l_0_step = l_0_limits = l_0_m = l_0_b = missing
    try:
        t_1 = environment.filters['default']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'default' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    try:
        t_4 = environment.filters['running_head']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'running_head' found.")
    try:
        t_5 = environment.filters['truncate_words']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'truncate_words' found.")
    pass
    l_0_steps = [[3, 3, 6, 6], [3, 3, 4, 4], [2, 2, 3, 3], [1, 1, 2, 2]]
    context.vars['steps'] = l_0_steps
    context.exported_vars.add('steps')
    l_0_step = environment.getitem((undefined(name='steps') if l_0_steps is missing else l_0_steps), t_3(environment, [t_1((undefined(name='fit') if l_0_fit is missing else l_0_fit), 0), 3]))
    context.vars['step'] = l_0_step
    context.exported_vars.add('step')
    l_0_limits = {'quotes': environment.getitem((undefined(name='step') if l_0_step is missing else l_0_step), 0), 'questions': environment.getitem((undefined(name='step') if l_0_step is missing else l_0_step), 1), 'timeline': environment.getitem((undefined(name='step') if l_0_step is missing else l_0_step), 2), 'actors': environment.getitem((undefined(name='step') if l_0_step is missing else l_0_step), 3)}
    context.vars['limits'] = l_0_limits
    context.exported_vars.add('limits')
    l_0_m = context.vars['m'] = environment.get_template('_macros.xml.j2', 'summary.xml.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_b = context.vars['b'] = environment.get_template('_briefing.xml.j2', 'summary.xml.j2')._get_default_module(context)
    context.exported_vars.discard('b')
    yield '<document kind="summary" title="'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '" author="'
    yield escape(environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'name'))
    yield '" subject="'
    yield escape(t_5((undefined(name='summary') if l_0_summary is missing else l_0_summary), 30))
    yield '" keywords="'
    yield escape(t_2(context.eval_ctx, (undefined(name='keywords') if l_0_keywords is missing else l_0_keywords), '; '))
    yield '" header="'
    yield escape(t_4((undefined(name='title') if l_0_title is missing else l_0_title)))
    yield '" lang="'
    yield escape((environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'language') or 'en'))
    yield '">\n'
    yield from context.blocks['title_block'][0](context)
    yield from context.blocks['key_facts'][0](context)
    yield from context.blocks['key_points'][0](context)
    yield from context.blocks['summary'][0](context)
    yield from context.blocks['quotations'][0](context)
    yield from context.blocks['questions'][0](context)
    yield from context.blocks['timeline'][0](context)
    yield from context.blocks['actors'][0](context)
    yield from context.blocks['source'][0](context)
    yield '</document>\n'

def block_title_block(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_title = resolve('title')
    l_0_meta = resolve('meta')
    l_0_m = resolve('m')
    pass
    yield '<p style="title">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</p>\n'
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'):
        pass
        yield '<p style="subtitle">'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'subtitle'))
        yield '</p>'
    yield '<p style="meta">'
    yield escape((environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'issue_line'), (undefined(name='meta') if l_0_meta is missing else l_0_meta), _block_vars=_block_vars) or 'Summary'))
    yield '</p>\n'

def block_key_facts(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'key_facts'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_key_points(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'key_points'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_summary(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'summary'), (undefined(name='article') if l_0_article is missing else l_0_article), _block_vars=_block_vars))

def block_quotations(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    l_0_limits = resolve('limits')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'quotations'), (undefined(name='article') if l_0_article is missing else l_0_article), compact=True, limit=environment.getattr((undefined(name='limits') if l_0_limits is missing else l_0_limits), 'quotes'), _block_vars=_block_vars))

def block_questions(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    l_0_limits = resolve('limits')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'questions'), (undefined(name='article') if l_0_article is missing else l_0_article), limit=environment.getattr((undefined(name='limits') if l_0_limits is missing else l_0_limits), 'questions'), _block_vars=_block_vars))

def block_timeline(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    l_0_limits = resolve('limits')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'timeline'), (undefined(name='article') if l_0_article is missing else l_0_article), compact=True, limit=environment.getattr((undefined(name='limits') if l_0_limits is missing else l_0_limits), 'timeline'), _block_vars=_block_vars))

def block_actors(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_b = resolve('b')
    l_0_article = resolve('article')
    l_0_limits = resolve('limits')
    pass
    yield escape(environment.call(context, environment.getattr((undefined(name='b') if l_0_b is missing else l_0_b), 'actors'), (undefined(name='article') if l_0_article is missing else l_0_article), compact=True, limit=environment.getattr((undefined(name='limits') if l_0_limits is missing else l_0_limits), 'actors'), _block_vars=_block_vars))

def block_source(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_meta = resolve('meta')
    l_0_generated = resolve('generated')
    l_0_tool = resolve('tool')
    pass
    yield '<p style="small">'
    yield escape((environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'rights') or 'No rights statement in the source.'))
    yield ' Prepared '
    yield escape((undefined(name='generated') if l_0_generated is missing else l_0_generated))
    yield ' by '
    yield escape(environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'name'))
    yield ' '
    yield escape(environment.getattr((undefined(name='tool') if l_0_tool is missing else l_0_tool), 'version'))
    yield '.</p>\n'

blocks = {'title_block': block_title_block, 'key_facts': block_key_facts, 'key_points': block_key_points, 'summary': block_summary, 'quotations': block_quotations, 'questions': block_questions, 'timeline': block_timeline, 'actors': block_actors, 'source': block_source}
debug_info = '5=48&6=51&7=54&8=57&9=59&10=62&11=74&16=75&17=76&18=77&19=78&20=79&21=80&22=81&23=82&11=85&12=97&13=99&14=105&16=108&17=120&18=132&19=144&20=157&21=170&22=183&23=196&24=208'
# Generated by `python -m exporter.template_code` from the built-in template: do not edit.
